-- Up Migration
-- Custom actions are audited as action 'custom' (and internal actions as 'internal') with the
-- definition's name of the action here. Entries written before this column kept the name in
-- the action itself ('action:<name>'); they are left as they are (the log is append-only) and
-- shown as custom actions by src/engine/audit/action-kind.ts. No CHECK on either column: the
-- kinds are listed in src/engine/audit/action-kind.ts.
ALTER TABLE hub_audit ADD COLUMN action_name text;

-- Down Migration
ALTER TABLE hub_audit DROP COLUMN action_name;
