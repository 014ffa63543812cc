import { forbidden, notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@/engine/auth/access';
import { toHttpError } from '@/engine/http/errors';
import { findResource } from '@/engine/resources/registry';
import { requirePageOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/**
 * Decides 404/403 for every page of a resource before anything streams: the list's
 * loading.tsx opens a Suspense boundary below this layout, and once the skeleton has been
 * sent the status can no longer change.
 */
export default async function ResourceLayout(props: { children: ReactNode; params: Promise<{ domain: string; resource: string }> }) {
  const { domain, resource } = await props.params;
  const operator = await requirePageOperator(`/d/${domain}/${resource}`);
  const found = await findResource(domain, resource).catch((error) => {
    if (toHttpError(error).status === 404) notFound();
    throw error;
  });
  if (!can(operator, found.resource, 'read')) forbidden();
  return props.children;
}
