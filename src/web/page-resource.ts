import 'server-only';
import { findResource } from '@admin-hub/engine/resources/registry';
import { guardPage } from './page-guard';

/**
 * The resource a page shows, or the page's 404 when its domain is not configured (a custom
 * page of a domain this hub does not run) or the resource does not exist; never a 500.
 */
export async function pageResource(domain: string, resource: string): ReturnType<typeof findResource> {
  return guardPage(findResource(domain, resource));
}
