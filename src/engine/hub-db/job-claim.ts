import { hostname } from 'node:os';
import { query } from '../db/query';

/** This process, as other instances see it in hub_job_runs (host and pid). */
export const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Claims the next run of a job every hub instance schedules, for this instance: true for the
 * one instance whose claim lands when at least `everyMs` have passed since the last run (by
 * any instance), false for the others. One statement, so two claims cannot both land.
 */
export async function claimJobRun(job: string, everyMs: number): Promise<boolean> {
  const rows = await query(
    'hub',
    `INSERT INTO hub_job_runs (job, ran_at, ran_by) VALUES ($1, clock_timestamp(), $3)
     ON CONFLICT (job) DO UPDATE SET ran_at = excluded.ran_at, ran_by = excluded.ran_by
       WHERE hub_job_runs.ran_at <= clock_timestamp() - make_interval(secs => $2::float8 / 1000)
     RETURNING 1`,
    [job, everyMs, INSTANCE],
  );
  return rows.length === 1;
}
