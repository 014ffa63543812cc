import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@admin-hub/engine/auth/access';
import { requirePageOperator } from '@/web/operator';
import { pageResource } from '@/web/page-resource';
import type { Metadata } from 'next';
import { resourceMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

/** "Orders · Market" for the list; record pages name the record instead. */
export async function generateMetadata(props: { params: Promise<{ domain: string; resource: string }> }): Promise<Metadata> {
  return resourceMetadata(await props.params);
}

/**
 * Decides 404/403 for every page of a resource before anything streams: the list's
 * loading.tsx opens a Suspense boundary below this layout, and once the skeleton has been
 * sent the status can no longer change.
 */
export default async function ResourceLayout(props: { children: ReactNode; params: Promise<{ domain: string; resource: string }> }) {
  const { domain, resource } = await props.params;
  const operator = await requirePageOperator(`/d/${domain}/${resource}`);
  const found = await pageResource(domain, resource);
  if (!can(operator, found.resource, 'read')) forbidden();
  return props.children;
}
