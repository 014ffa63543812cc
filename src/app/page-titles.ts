import type { Metadata } from 'next';

import { loadRecord, recordIdOf } from '@/web/record-load';
import { can } from '@admin-hub/engine/auth/access';
import { roleOn, type Operator } from '@admin-hub/engine/auth/operator';
import { atLeast, type Action } from '@admin-hub/engine/auth/roles';
import { configuredDomains, type DomainName } from '@admin-hub/engine/config/current';
import { humanize } from '@admin-hub/engine/resources/define';
import { findResource } from '@admin-hub/engine/resources/registry';
import type { Resource } from '@admin-hub/engine/resources/types';
import { currentOperator } from '@/web/operator';
import { pageAnswerOf } from '@/web/page-guard';

/*
 * Per-page <title>s. The root layout's template adds " · Admin Hub", so a page gives only its
 * own part: "Orders · Market". Next.js keeps a page's metadata even when the page itself then
 * answers 404/403, so these decide 404/403 the same way the pages do, before naming anything.
 */

const TEMPLATE = '%s · Admin Hub';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function domainTitle(domain: string): string {
  return humanize(decoded(domain));
}

/*
 * Next.js resolves metadata that throws notFound() or forbidden() with the not-found page's
 * metadata either way ("Not found" on a 403), so these return the 404/403 titles themselves and
 * leave the refusing to the pages; only a missing record is thrown here (a page-level 404).
 */
const NOT_FOUND: Metadata = { title: 'Not found' };
const NO_ACCESS: Metadata = { title: 'No access' };

/** The resource a page is about, or the title of the 404/403 its page answers. */
async function pageResource(
  params: { domain: string; resource: string },
  action: Action,
): Promise<{ operator: Operator; domain: DomainName; resource: Resource } | Metadata> {
  const operator = await currentOperator();
  if (!operator) return {}; // the page sends them to sign in
  let found;
  try {
    found = await findResource(params.domain, params.resource);
  } catch (error) {
    return pageAnswerOf(error) === 'not-found' ? NOT_FOUND : {};
  }
  return can(operator, found.resource, action) ? { operator, ...found } : NO_ACCESS;
}

/**
 * "Orders · Market", set by the resource's layout. A title set by a layout would end the root
 * template for the pages below it, so the layout passes the template on. A layout's metadata is
 * resolved again while its not-found/forbidden page renders (and that page's own metadata is
 * not used then), so this one never throws: an unknown or unreadable resource is titled as the
 * 404/403 the layout answers.
 */
export async function resourceMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const operator = await currentOperator();
  const found = await findResource(params.domain, params.resource).catch((error: unknown) => (pageAnswerOf(error) === 'not-found' ? null : undefined));
  if (found === null) return NOT_FOUND;
  if (!found) return {};
  if (operator && !can(operator, found.resource, 'read')) return NO_ACCESS;
  return { title: { default: `${found.resource.title} · ${domainTitle(params.domain)}`, template: TEMPLATE } };
}

/**
 * "Order 123 · Market" (with `prefix` "Edit": "Edit Order 123 · Market"): the singular name and
 * the key as typed, for now; record labels may refine it. A record that does not exist is a 404
 * here already, so its page is titled "Not found".
 */
export async function recordMetadata(params: { domain: string; resource: string; id: string }, prefix?: 'Edit'): Promise<Metadata> {
  const found = await pageResource(params, prefix ? 'update' : 'read');
  if (!('resource' in found)) return found;
  const id = await recordIdOf(params, found.resource, prefix ? 1 : 0);
  await loadRecord(found.operator, found.domain, found.resource, id); // 404/403 like the page; a domain that is down still gets a title
  const name = `${found.resource.singular} ${decoded(params.id)}`;
  return { title: `${prefix ? `${prefix} ${name}` : name} · ${domainTitle(params.domain)}` };
}

/** "New order · Market" */
export async function newRecordMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const found = await pageResource(params, 'create');
  return 'resource' in found ? { title: `New ${found.resource.singular.toLowerCase()} · ${domainTitle(params.domain)}` } : found;
}

/** A superadmin page's title; anyone else gets the 403 page's. */
export async function superadminMetadata(title: string): Promise<Metadata> {
  const operator = await currentOperator();
  return operator && !operator.superadmin ? NO_ACCESS : { title };
}

/** A domain's audit log: its admins only; an unknown domain is a 404. */
export async function domainAuditMetadata(domain: string): Promise<Metadata> {
  const operator = await currentOperator();
  if (!configuredDomains().includes(domain)) return NOT_FOUND;
  if (operator && !atLeast(roleOn(operator, domain), 'admin')) return NO_ACCESS;
  return { title: `Audit log · ${domainTitle(domain)}` };
}
