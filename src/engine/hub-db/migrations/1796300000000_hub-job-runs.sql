-- Up Migration
-- Jobs that one hub instance runs for all of them (audit retention, daily): each instance
-- claims the job's next run with one statement, and only the one whose claim lands runs it.
-- A row, not an advisory lock, so the claim also works through PgBouncer in transaction mode.
CREATE TABLE hub_job_runs (
  job text PRIMARY KEY,
  ran_at timestamptz NOT NULL,
  ran_by text NOT NULL
);

-- Down Migration
DROP TABLE hub_job_runs;
