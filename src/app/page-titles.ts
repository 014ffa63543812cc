import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { loadRecord, recordIdOf } from '@/components/record-view/load';
import { can } from '@/engine/auth/access';
import { roleOn, type Operator } from '@/engine/auth/operator';
import { atLeast, type Action } from '@/engine/auth/roles';
import { configuredDomains, type DomainName } from '@/engine/config/current';
import { toHttpError } from '@/engine/http/errors';
import { humanize } from '@/engine/resources/define';
import { findResource } from '@/engine/resources/registry';
import type { Resource } from '@/engine/resources/types';
import { currentOperator } from '@/web/operator';

/*
 * Per-page <title>s. The root layout's template adds " · Admin Hub", so a page gives only its
 * own part: "Orders · Market". Next.js keeps a page's metadata even when the page itself then
 * answers 404/403, so these decide 404/403 the same way the pages do (before naming anything):
 * the not-found and forbidden pages then title themselves ("Not found · Admin Hub").
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

/** The resource a page is about, 404/403 as its page would answer; undefined when the page will show an error itself. */
async function pageResource(
  params: { domain: string; resource: string },
  action: Action,
): Promise<{ operator: Operator; domain: DomainName; resource: Resource } | undefined> {
  const operator = await currentOperator();
  if (!operator) return undefined; // the page sends them to sign in
  let found;
  try {
    found = await findResource(params.domain, params.resource);
  } catch (error) {
    if (toHttpError(error).status === 404) notFound();
    return undefined;
  }
  if (!can(operator, found.resource, action)) forbidden();
  return { operator, ...found };
}

/**
 * "Orders · Market", set by the resource's layout. A title set by a layout would end the root
 * template for the pages below it, so the layout passes the template on.
 */
export async function resourceMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const found = await pageResource(params, 'read');
  return found ? { title: { default: `${found.resource.title} · ${domainTitle(params.domain)}`, template: TEMPLATE } } : {};
}

/**
 * "Order 123 · Market" (with `prefix` "Edit": "Edit Order 123 · Market"): the singular name and
 * the key as typed, for now; record labels may refine it. A record that does not exist is a 404
 * here already, so its page is titled "Not found".
 */
export async function recordMetadata(params: { domain: string; resource: string; id: string }, prefix?: 'Edit'): Promise<Metadata> {
  const found = await pageResource(params, prefix ? 'update' : 'read');
  if (!found) return {};
  const id = await recordIdOf(params, found.resource, prefix ? 1 : 0);
  await loadRecord(found.operator, found.domain, found.resource, id); // 404/403 like the page; a domain that is down still gets a title
  const name = `${found.resource.singular} ${decoded(params.id)}`;
  return { title: `${prefix ? `${prefix} ${name}` : name} · ${domainTitle(params.domain)}` };
}

/** "New order · Market" */
export async function newRecordMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const found = await pageResource(params, 'create');
  return found ? { title: `New ${found.resource.singular.toLowerCase()} · ${domainTitle(params.domain)}` } : {};
}

/** A superadmin page's title; anyone else gets the 403 page's. */
export async function superadminMetadata(title: string): Promise<Metadata> {
  const operator = await currentOperator();
  if (operator && !operator.superadmin) forbidden();
  return { title };
}

/** A domain's audit log: its admins only; an unknown domain is a 404. */
export async function domainAuditMetadata(domain: string): Promise<Metadata> {
  const operator = await currentOperator();
  if (!configuredDomains().includes(domain)) notFound();
  if (operator && !atLeast(roleOn(operator, domain), 'admin')) forbidden();
  return { title: `Audit log · ${domainTitle(domain)}` };
}
