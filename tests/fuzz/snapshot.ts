import { withClient } from '../support/databases';

/**
 * What the unprivileged phase must leave as it found it: every row of every table of each
 * domain database (and whether each materialized view is populated, and its rows), and the
 * hub's own operators, accounts, roles and sessions, and its audit log (except the events
 * reads and sign-in attempts record by design: an export, a failed sign-in).
 */

export type Snapshot = Record<string, string>;

/** Rows of one table as one md5 (each row's text, sorted), plus the count for the report. */
const TABLE_DIGEST = (table: string) =>
  `SELECT count(*)::text || ' rows, md5 ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`;

/** Every ordinary table (partitions included: they hold the rows) and materialized view of a database, digested. */
export async function snapshotDatabase(label: string, url: string): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; kind: string; populated: boolean }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind AS kind, c.relispopulated AS populated
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1`,
    );
    const out: Snapshot = {};
    for (const table of rows) {
      const key = `${label}:${table.name}`;
      if (table.kind === 'm' && !table.populated) {
        out[key] = 'not populated';
        continue;
      }
      const result = await client.query<{ digest: string }>(TABLE_DIGEST(table.name));
      out[key] = result.rows[0]!.digest;
    }
    return out;
  });
}

/** Audit actions recorded for reads and sign-in attempts: anyone may cause them. */
export const EVENT_ACTIONS = ['export', 'sign_in', 'sign_in_failed', 'sign_in_locked', 'sign_out'];

/** The hub's operators, accounts and roles as digests; its sessions as a count; its audit log as counts per action and outcome. */
export async function snapshotHub(url: string): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const out: Snapshot = {};
    for (const table of ['hub_user', 'hub_account', 'hub_grants']) {
      out[`hub:${table}`] = (await client.query<{ digest: string }>(TABLE_DIGEST(table))).rows[0]!.digest;
    }
    out['hub:hub_session'] = (await client.query<{ n: string }>('SELECT count(*)::text AS n FROM hub_session')).rows[0]!.n + ' sessions';
    const audit = await client.query<{ action: string; outcome: string; n: string }>(
      `SELECT action, outcome, count(*)::text AS n FROM hub_audit WHERE action <> ALL($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [EVENT_ACTIONS],
    );
    out['hub:hub_audit'] = audit.rows.map((r) => `${r.action}/${r.outcome}=${r.n}`).join(' ') || '(none)';
    return out;
  });
}

/** The keys whose digest differs, as `key: before → after`. */
export function snapshotDiff(before: Snapshot, after: Snapshot): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k] ?? '(absent)'} → ${after[k] ?? '(absent)'}`);
}
