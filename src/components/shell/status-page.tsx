import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonVariants } from '../ui/button';

/**
 * The body of a 403/404/error page. No <main> of its own: inside the hub it sits in the shell's
 * main; outside (signed out) the caller wraps it in one.
 */
export function StatusPage({
  icon: Icon,
  code,
  title,
  children,
  testId,
}: {
  icon: LucideIcon;
  code?: string;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  const t = useTranslations('status');
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center" data-testid={testId}>
      <Icon className="size-10 text-muted-foreground" aria-hidden="true" />
      {code ? <p className="text-sm font-medium text-muted-foreground">{code}</p> : null}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="text-muted-foreground">{children}</div>
      <Link className={buttonVariants({ variant: 'outline', size: 'sm' })} href="/">
        {t('backToDashboard')}
      </Link>
    </section>
  );
}
