import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

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
const notFoundTitle = async (): Promise<Metadata> => ({ title: (await getTranslations('status'))('notFoundTitle') });
const noAccessTitle = async (): Promise<Metadata> => ({ title: (await getTranslations('status'))('forbiddenTitle') });

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
    return pageAnswerOf(error) === 'not-found' ? notFoundTitle() : {};
  }
  return can(operator, found.resource, action) ? { operator, ...found } : noAccessTitle();
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
  if (found === null) return notFoundTitle();
  if (!found) return {};
  if (operator && !can(operator, found.resource, 'read')) return noAccessTitle();
  const t = await getTranslations('common');
  return { title: { default: t('inDomain', { page: found.resource.title, domain: domainTitle(params.domain) }), template: TEMPLATE } };
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
  const t = await getTranslations('common');
  const name = `${found.resource.singular} ${decoded(params.id)}`;
  return { title: t('inDomain', { page: prefix ? t('editRecord', { name }) : name, domain: domainTitle(params.domain) }) };
}

/** "New order · Market" */
export async function newRecordMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const found = await pageResource(params, 'create');
  if (!('resource' in found)) return found;
  const t = await getTranslations('common');
  return { title: t('inDomain', { page: t('newRecord', { singular: found.resource.singular.toLowerCase() }), domain: domainTitle(params.domain) }) };
}

/** A superadmin page's title; anyone else gets the 403 page's. */
export async function superadminMetadata(title: string): Promise<Metadata> {
  const operator = await currentOperator();
  return operator && !operator.superadmin ? noAccessTitle() : { title };
}

/** A domain's audit log: its admins only; an unknown domain is a 404. */
export async function domainAuditMetadata(domain: string): Promise<Metadata> {
  const operator = await currentOperator();
  if (!configuredDomains().includes(domain)) return notFoundTitle();
  if (operator && !atLeast(roleOn(operator, domain), 'admin')) return noAccessTitle();
  return { title: (await getTranslations('audit'))('domainAuditLog', { domain: domainTitle(domain) }) };
}
