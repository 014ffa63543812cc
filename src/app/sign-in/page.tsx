import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getConfig } from '@admin-hub/engine/config/current';
import { currentOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

const SELF = 'http://hub.invalid';

/**
 * Only same-site paths: `next` must never send the operator to another site after sign-in.
 * It is read as a URL on this site and written back in its escaped form, so what ends up in
 * the redirect's Location header is always a valid one (a NUL, a bidi control or Hangul in
 * `next` made the redirect itself fail with a 500).
 */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, SELF);
  } catch {
    return '/';
  }
  return url.origin === SELF ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export default async function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await props.searchParams;
  const next = safeNext(params.next);
  if (await currentOperator()) redirect(next);
  const { auth } = getConfig();
  const providers = [
    ...(auth.github ? [{ id: 'github', label: 'GitHub' }] : []),
    ...(auth.google ? [{ id: 'google', label: 'Google' }] : []),
    ...(auth.oidc ? [{ id: 'oidc', label: auth.oidc.name }] : []),
  ];
  // Better Auth appends ?error=<CODE> when a provider sign-in is refused or fails.
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  const t = await getTranslations('signIn');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <SignInForm next={next} providers={providers} localAccounts={auth.localAccounts} initialError={error ? t('providerFailed') : undefined} />
    </main>
  );
}
