import type { Metadata } from 'next';
import { can } from '@/engine/auth/access';
import { humanize } from '@/engine/resources/define';
import { findResource } from '@/engine/resources/registry';
import type { Resource } from '@/engine/resources/types';
import { currentOperator } from '@/web/operator';

/*
 * Per-page <title>s. The root layout's template adds " · Admin Hub", so a page gives only its
 * own part: "Orders · Market". A resource the operator may not read (or that does not exist)
 * gets no name in the title: its page is the 403/404, which titles itself.
 */

/** The resource a page is about, if this operator may read it. */
async function readable(domain: string, resource: string): Promise<Resource | undefined> {
  const operator = await currentOperator();
  const found = await findResource(domain, resource).catch(() => undefined);
  return found && can(operator, found.resource, 'read') ? found.resource : undefined;
}

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

/** "Orders · Market" */
export async function resourceMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const resource = await readable(params.domain, params.resource);
  return resource ? { title: `${resource.title} · ${domainTitle(params.domain)}` } : {};
}

/**
 * "Order 123 · Market" (with `prefix` "Edit": "Edit Order 123 · Market"). The singular name and
 * the key as typed, for now: record labels may refine it.
 */
export async function recordMetadata(params: { domain: string; resource: string; id: string }, prefix?: string): Promise<Metadata> {
  const resource = await readable(params.domain, params.resource);
  if (!resource) return {};
  const name = `${resource.singular} ${decoded(params.id)}`;
  return { title: `${prefix ? `${prefix} ${name}` : name} · ${domainTitle(params.domain)}` };
}

/** "New order · Market" */
export async function newRecordMetadata(params: { domain: string; resource: string }): Promise<Metadata> {
  const resource = await readable(params.domain, params.resource);
  return resource ? { title: `New ${resource.singular.toLowerCase()} · ${domainTitle(params.domain)}` } : {};
}
