import type { useTranslations } from 'next-intl';
import { toast } from '@/components/ui/toaster';
import type { BulkRunState } from './use-bulk-run';

/** A toast when a bulk run ends, so the outcome is announced even if the panel is off-screen; `t` is the list's words (`useTranslations('list')`). */
export function toastBulkOutcome(run: BulkRunState, t: ReturnType<typeof useTranslations<'list'>>): void {
  const values = { label: run.label, done: run.done, total: run.total, failed: run.failed.length };
  const options = { testId: 'bulk-toast', description: run.message };
  if (run.status === 'done' && run.failed.length === 0) toast.success(t('toastDone', values), options);
  else if (run.status === 'done') toast.warning(t('toastDone', values), options);
  else if (run.status === 'stopped') toast.info(t('toastStopped', values), options);
  else if (run.status === 'error') toast.error(t('toastFailed', values), options);
}
