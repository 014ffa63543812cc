import { configuredDomains } from '../config/current';
import { query } from '../db/query';
import type { PoolName } from '../db/pools';
import { logger } from '../log';
import { settleAudit } from './record';

const log = logger('audit');

/**
 * Settles pending audit entries whose process died between the domain COMMIT and marking
 * the entry: the domain itself says what became of the transaction (pg_xact_status):
 * committed → the entry stands; aborted → it is marked aborted (it never claimed a write);
 * in progress → left for the next sweep (a live request, or a replica's); unknown (the
 * transaction id is too old to look up) → marked unknown, visible in the log for a person.
 * `ids` limits it to those entries (a write whose COMMIT failed after they were recorded).
 */
export async function settlePendingAudit(
  options: { olderThanMs?: number; ids?: string[] } = {},
): Promise<{ committed: number; aborted: number; unknown: number; waiting: number }> {
  const counts = { committed: 0, aborted: 0, unknown: 0, waiting: 0 };
  const domains = new Set(configuredDomains());
  // Walk pending rows by id, so rows that must wait (still in progress) don't stop the sweep.
  let after = '0';
  for (;;) {
    const pending = await query<{ id: string; domain: string; xid: string }>(
      'hub',
      `SELECT id::text AS id, domain, domain_xid AS xid FROM hub_audit
        WHERE outcome = 'pending' AND at < clock_timestamp() - make_interval(secs => $1::float8 / 1000) AND id > $2::bigint
          AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))
        ORDER BY id LIMIT 500`,
      [options.olderThanMs ?? 0, after, options.ids ?? null],
    );
    if (pending.length === 0) break;
    const byDomain = new Map<string, typeof pending>();
    for (const p of pending) byDomain.set(p.domain, [...(byDomain.get(p.domain) ?? []), p]);
    for (const [domain, rows] of byDomain) {
      if (!domains.has(domain)) {
        counts.waiting += rows.length;
        continue;
      }
      try {
        const statuses = await query<{ xid: string; status: string | null }>(
          domain as PoolName,
          'SELECT x AS xid, pg_xact_status(x::xid8) AS status FROM unnest($1::text[]) AS x',
          [rows.map((r) => r.xid)],
        );
        const status = new Map(statuses.map((s) => [s.xid, s.status]));
        const group = { committed: [] as string[], aborted: [] as string[], unknown: [] as string[] };
        for (const r of rows) {
          const s = status.get(r.xid);
          if (s === 'committed') group.committed.push(r.id);
          else if (s === 'aborted') group.aborted.push(r.id);
          else if (s === null || s === undefined) group.unknown.push(r.id);
          else counts.waiting++;
        }
        for (const outcome of ['committed', 'aborted', 'unknown'] as const) {
          // What this sweep settled itself: another instance's sweep may have been first.
          counts[outcome] += await settleAudit(group[outcome], outcome);
        }
      } catch (error) {
        log.warn(`cannot settle ${rows.length} pending audit entries of domain "${domain}" now: ${(error as Error).message}`);
        counts.waiting += rows.length;
      }
    }
    after = pending[pending.length - 1]!.id;
  }
  if (counts.committed + counts.aborted + counts.unknown > 0) {
    log.info(`settled pending audit entries: ${counts.committed} committed, ${counts.aborted} aborted, ${counts.unknown} unknown`);
  }
  return counts;
}

/** Sweeps every minute in the background; the timer never keeps the process alive. */
export function startAuditSettler(intervalMs = 60_000): () => void {
  const timer = setInterval(() => {
    settlePendingAudit({ olderThanMs: 5_000 }).catch((error: Error) => log.warn(`audit sweep failed: ${error.message}`));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
