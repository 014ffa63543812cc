import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

// notFound() from this page does not carry the not-found boundary's title: it is set here too.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('status'))('notFoundTitle') };
}

/**
 * Any address no other page matches is not found inside the hub: the hub layout signs the
 * operator in (or sends them to the sign-in page) and its not-found.tsx shows the 404 in the
 * shell. The app-wide not-found.tsx stays a plain page, so the shell's client code (sidebar,
 * palette, toasts) is not in the first load of pages outside the hub, such as sign-in (issue 18).
 */
export default function MissingPage(): never {
  notFound();
}
