import { toast } from '@/components/ui/toaster';
import type { BulkRunState } from './use-bulk-run';

/** A toast when a bulk run ends, so the outcome is announced even if the panel is off-screen. */
export function toastBulkOutcome(run: BulkRunState): void {
  const done = `${run.done.toLocaleString('en-US')} of ${run.total.toLocaleString('en-US')} done`;
  const failed = run.failed.length > 0 ? `, ${run.failed.length.toLocaleString('en-US')} refused` : '';
  const options = { testId: 'bulk-toast', description: run.message };
  if (run.status === 'done' && run.failed.length === 0) toast.success(`${run.label}: ${done}.`, options);
  else if (run.status === 'done') toast.warning(`${run.label}: ${done}${failed}.`, options);
  else if (run.status === 'stopped') toast.info(`${run.label} stopped: ${done}${failed}.`, options);
  else if (run.status === 'error') toast.error(`${run.label} failed: ${done}${failed}.`, options);
}
