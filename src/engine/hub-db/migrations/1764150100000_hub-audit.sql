-- Up Migration
-- The central audit log. One row per change (or hub event), written by the same code path as
-- the change. Rows are append-only: the only update ever allowed is the one-time settlement
-- of a pending domain write's outcome (see src/engine/audit/ for why writes start pending).
CREATE TABLE hub_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id text,
  actor_email text,
  domain text,
  resource text,
  record_id text,
  action text NOT NULL,
  -- For updates the changed columns only: {"before": {...}, "after": {...}}; masked columns masked.
  changes jsonb,
  request_id text,
  ip text,
  user_agent text,
  -- pg_current_xact_id() of the domain transaction, to settle the outcome after a crash.
  domain_xid text,
  outcome text NOT NULL CHECK (outcome IN ('pending', 'committed', 'aborted', 'unknown', 'succeeded', 'failed')),
  detail text,
  settled_at timestamptz
);

CREATE INDEX hub_audit_at ON hub_audit (at DESC, id DESC);
CREATE INDEX hub_audit_domain_at ON hub_audit (domain, at DESC, id DESC);
CREATE INDEX hub_audit_record ON hub_audit (domain, resource, record_id, at DESC);
CREATE INDEX hub_audit_actor ON hub_audit (actor_email, at DESC);
CREATE INDEX hub_audit_action ON hub_audit (action, at DESC);
CREATE INDEX hub_audit_pending ON hub_audit (id) WHERE outcome = 'pending';

CREATE FUNCTION hub_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The retention job, and only it, sets this for its own transaction.
  IF current_setting('admin_hub.audit_retention', true) = 'on' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.outcome = 'pending' AND NEW.outcome <> 'pending'
     AND (to_jsonb(NEW) - 'outcome' - 'settled_at') = (to_jsonb(OLD) - 'outcome' - 'settled_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'hub_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER hub_audit_append_only BEFORE UPDATE OR DELETE ON hub_audit FOR EACH ROW EXECUTE FUNCTION hub_audit_guard();
CREATE FUNCTION hub_audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hub_audit is append-only (TRUNCATE refused)' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER hub_audit_no_truncate BEFORE TRUNCATE ON hub_audit FOR EACH STATEMENT EXECUTE FUNCTION hub_audit_no_truncate();

-- Down Migration
DROP TABLE hub_audit;
DROP FUNCTION hub_audit_guard();
DROP FUNCTION hub_audit_no_truncate();
