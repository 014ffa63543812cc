import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { query, withTransaction } from '../db/query';
import { logger } from '../log';
import { claimJobRun } from '../hub-db/job-claim';

const log = logger('audit');

export interface RetentionResult {
  deleted: number;
  archive: string | undefined;
}

/**
 * Keeps the audit log bounded: entries older than `days` are first written to a JSON Lines
 * archive file, then deleted, in batches. This is the one code path allowed to delete audit
 * rows: it sets admin_hub.audit_retention for its own transaction only, which the
 * append-only trigger checks. Pending entries are never deleted (they are not settled yet).
 */
export async function pruneAudit(options: { days: number; archiveDir: string; batch?: number }): Promise<RetentionResult> {
  const cutoff = new Date(Date.now() - options.days * 86_400_000);
  const [{ n }] = (await query<{ n: number }>('hub', "SELECT count(*)::int AS n FROM hub_audit WHERE at < $1 AND outcome <> 'pending'", [cutoff])) as [
    { n: number },
  ];
  if (n === 0) return { deleted: 0, archive: undefined };
  mkdirSync(options.archiveDir, { recursive: true, mode: 0o700 });
  const archive = path.join(options.archiveDir, `audit-before-${cutoff.toISOString().slice(0, 10)}-${Date.now()}.jsonl`);
  const out = createWriteStream(archive, { mode: 0o600 });
  let deleted = 0;
  try {
    for (;;) {
      const removed = await withTransaction('hub', async (tx) => {
        await tx.query("SELECT set_config('admin_hub.audit_retention', 'on', true)");
        const rows = await tx.query(
          `DELETE FROM hub_audit WHERE id IN (
             SELECT id FROM hub_audit WHERE at < $1 AND outcome <> 'pending' ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [cutoff, options.batch ?? 5000],
        );
        // Written before COMMIT: if the file cannot take them, the rows are not deleted.
        for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
          if (!out.write(JSON.stringify(row) + '\n')) await once(out, 'drain');
        }
        return rows.length;
      });
      deleted += removed;
      if (removed === 0) break;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  log.info(`audit retention: archived and deleted ${deleted} entries older than ${options.days} days to ${archive}`);
  return { deleted, archive };
}

const DAY_MS = 86_400_000;

/**
 * Runs retention if no hub instance on this hub database has run it in the last day (the
 * claim in hub_job_runs): with several instances, one prunes and writes the archive, the
 * others skip. Returns undefined when another instance had it.
 */
export async function pruneAuditOnce(options: { days: number; archiveDir: string; batch?: number }): Promise<RetentionResult | undefined> {
  // A little under a day, so an instance's own daily timer is never turned away by its last claim.
  if (!(await claimJobRun('audit-retention', DAY_MS - 60_000))) return undefined;
  return pruneAudit(options);
}

/** Daily, when HUB_AUDIT_RETENTION_DAYS is set, by one instance; the timer never keeps the process alive. */
export function startAuditRetention(days: number | undefined, archiveDir: string): () => void {
  if (days === undefined) return () => undefined;
  const run = () => pruneAuditOnce({ days, archiveDir }).catch((error: Error) => log.warn(`audit retention failed: ${error.message}`));
  // Hourly checks of the daily claim: an instance started late or restarted still takes over a missed day.
  const timer = setInterval(run, DAY_MS / 24);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
