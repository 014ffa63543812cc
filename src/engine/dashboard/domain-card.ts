import { can, canSeeDomain, withRowScope } from '../auth/access';
import type { Operator } from '../auth/operator';
import { auditResource } from '../audit/resource';
import { checkDomain, type DomainName } from '../config/current';
import { checkTarget } from '../db/health';
import { poolStats, type PoolStats } from '../db/pools';
import { withTransaction } from '../db/query';
import { logger } from '../log';
import { resourcesOf } from '../resources/registry';
import type { Resource } from '../resources/types';
import { describeFailure, elapsed, failure, withinBudget } from './budget';
import type { AuditEventSummary, AuditSection, DomainCardResult, TableEstimate } from './types';

const log = logger('dashboard');

/** Default wall-clock budget of a domain card; its statements get the same as a statement timeout. */
export const DOMAIN_CARD_BUDGET_MS = 3_000;

/**
 * The largest tables by estimated rows. A partitioned table counts the rows of all its
 * partitions (which are not listed on their own); plain inheritance children stay separate.
 * reltuples is -1 for a table never vacuumed or analysed (PostgreSQL 14+).
 */
const LARGEST_TABLES_SQL = `
  WITH RECURSIVE tree AS (
    SELECT c.oid AS root, c.oid AS rel
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
    UNION ALL
    SELECT t.root, i.inhrelid
      FROM tree t
      JOIN pg_inherits i ON i.inhparent = t.rel
      JOIN pg_class ch ON ch.oid = i.inhrelid AND ch.relispartition
  )
  SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned,
         sum(greatest(p.reltuples, 0)) FILTER (WHERE p.relkind = 'r')::float8 AS estimated_rows,
         coalesce(bool_or(p.reltuples >= 0) FILTER (WHERE p.relkind = 'r'), false) AS analysed,
         sum(pg_total_relation_size(p.oid))::float8 AS total_bytes
    FROM tree t
    JOIN pg_class c ON c.oid = t.root
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class p ON p.oid = t.rel
   GROUP BY n.nspname, c.relname, c.relkind
   ORDER BY estimated_rows DESC NULLS LAST, total_bytes DESC, n.nspname, c.relname
   LIMIT 5`;

const LATEST_AUDIT_SQL = `
  SELECT id::text AS id, at, actor_email, resource, record_id, action, outcome
    FROM hub_audit
   WHERE domain = $1 AND outcome IN ('committed', 'succeeded')
   ORDER BY at DESC, id DESC
   LIMIT 5`;

type TableRow = {
  schema: string;
  name: string;
  partitioned: boolean;
  estimated_rows: number | null;
  analysed: boolean;
  total_bytes: number | null;
};

async function readDomainStats(domain: DomainName, budgetMs: number): Promise<{ databaseBytes: number; tables: TableRow[] }> {
  return withTransaction(
    domain,
    async (tx) => {
      const [size] = await tx.query<{ bytes: number }>('SELECT pg_database_size(current_database())::float8 AS bytes');
      const tables = await tx.query<TableRow>(LARGEST_TABLES_SQL);
      return { databaseBytes: size?.bytes ?? 0, tables };
    },
    { readOnly: true, statementTimeoutMs: budgetMs },
  );
}

async function readLatestAudit(domain: string, budgetMs: number): Promise<AuditEventSummary[]> {
  const rows = await withTransaction(
    'hub',
    (tx) =>
      tx.query<{ id: string; at: Date; actor_email: string | null; resource: string | null; record_id: string | null; action: string; outcome: string }>(
        LATEST_AUDIT_SQL,
        [domain],
      ),
    { readOnly: true, statementTimeoutMs: budgetMs },
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorEmail: r.actor_email,
    resource: r.resource,
    recordId: r.record_id,
    action: r.action,
    outcome: r.outcome,
  }));
}

/**
 * `schema.table` → the list page of the resource on it, for resources this operator may read;
 * `null` for a table a resource limits to a row scope for this operator: its size would say
 * how many rows they do not see, so the card leaves it out.
 */
async function resourceLinks(operator: Operator, domain: DomainName): Promise<Map<string, string | null>> {
  const links = new Map<string, string | null>();
  const scoped = (r: Resource) => {
    try {
      return withRowScope(operator, r).scope.length > r.scope.length;
    } catch {
      return true; // a scope that fails to resolve hides the table too
    }
  };
  try {
    for (const r of await resourcesOf(domain)) {
      const key = `${r.table.schema}.${r.table.name}`;
      if (scoped(r)) links.set(key, null);
      else if (!links.has(key) && can(operator, r, 'read')) links.set(key, `/d/${domain}/${r.name}`);
    }
  } catch {
    // Introspection failed (the domain is down): the card says so from the stats query.
  }
  return links;
}

function safePoolStats(domain: string): PoolStats | null {
  try {
    return poolStats(domain as DomainName);
  } catch {
    return null;
  }
}

/**
 * One domain card: reachability and round trip, pool use, database size, the five largest
 * tables by estimated rows and the latest five committed audit entries, all read in parallel
 * (read-only, with a statement timeout) and answered within `budgetMs`. A domain that is
 * down, slow or refused gives a failure with the engine's message. Never throws.
 */
export async function loadDomainCard(operator: Operator, domainName: string, options: { budgetMs?: number } = {}): Promise<DomainCardResult> {
  const budgetMs = options.budgetMs ?? DOMAIN_CARD_BUDGET_MS;
  const started = performance.now();
  const what = `Domain "${domainName}"`;
  if (!canSeeDomain(operator, domainName)) {
    return { ...failure('forbidden', `You cannot see the domain "${domainName}".`, started), pool: null };
  }
  let domain: DomainName;
  try {
    domain = checkDomain(domainName);
  } catch (error) {
    const { reason, error: message } = describeFailure(error, what, budgetMs);
    return { ...failure(reason, message, started), pool: null };
  }
  const auditAllowed = can(operator, auditResource(domain), 'read');
  const budget = <T>(work: () => Promise<T>) => withinBudget(work, budgetMs, `${what}: no answer within ${budgetMs} ms.`);

  const [health, stats, links, audit] = await Promise.all([
    checkTarget(domain, budgetMs), // never throws; its own budget
    budget(() => readDomainStats(domain, budgetMs)).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    budget(() => resourceLinks(operator, domain)).catch(() => new Map<string, string | null>()),
    auditAllowed
      ? budget(() => readLatestAudit(domain, budgetMs)).then(
          (events): AuditSection => ({ visible: true, ok: true, events }),
          (error: unknown): AuditSection => {
            const { error: message } = describeFailure(error, 'The audit log', budgetMs);
            log.warn(`domain card "${domain}": audit events failed: ${message}`);
            return { visible: true, ok: false, error: message };
          },
        )
      : Promise.resolve<AuditSection>({ visible: false, reason: `The audit log is shown to ${domain}'s admins.` }),
  ]);

  const pool = safePoolStats(domain);
  if (!health.ok) {
    return { ...failure(/no answer within/.test(health.error ?? '') ? 'timeout' : 'unavailable', health.error ?? `${what}: unreachable.`, started), pool };
  }
  if (!stats.ok) {
    const { reason, error: message } = describeFailure(stats.error, what, budgetMs);
    log.warn(`domain card "${domain}": ${message}`);
    return { ...failure(reason, message, started), pool };
  }
  const largestTables: TableEstimate[] = stats.value.tables.flatMap((t) => {
    const href = links.get(`${t.schema}.${t.name}`);
    if (href === null) return [];
    return {
      schema: t.schema,
      name: t.name,
      partitioned: t.partitioned,
      estimatedRows: t.analysed ? Math.round(t.estimated_rows ?? 0) : null,
      totalBytes: t.total_bytes ?? 0,
      ...(href ? { href } : {}),
    };
  });
  return {
    ok: true,
    ms: elapsed(started),
    data: { domain, latencyMs: health.latencyMs ?? 0, pool: pool ?? health.pool, databaseBytes: stats.value.databaseBytes, largestTables, audit },
  };
}
