/**
 * Small SQL-text builders shared by the demo seeds.
 *
 * All demo data is generated inside PostgreSQL with generate_series. "Randomness" comes from
 * hashing the row number with a per-column salt, so every seed of a domain produces the same
 * rows on every server version and run, however the planner orders or parallelises the work
 * (random() with setseed would depend on evaluation order). hashint8extended is the hash
 * PostgreSQL itself uses for hash partitioning, so its output is stable across versions.
 */
import type pg from 'pg';

export type SeedClient = pg.Client | pg.PoolClient;
export type Progress = (message: string) => void;

/** SQL for a deterministic pseudo-random float8 in [0, 1) from an integer expression and a salt. */
export function rnd(expr: string, salt: number): string {
  // Keep the low 53 bits, the mantissa width of float8, so the division is exact.
  return `((hashint8extended((${expr})::bigint, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;
}

/** SQL for a deterministic integer in [lo, hi]. */
export function between(expr: string, salt: number, lo: number, hi: number): string {
  return `(${lo} + floor(${rnd(expr, salt)} * ${hi - lo + 1})::int)`;
}

/** SQL for true with the given probability. */
export function chance(expr: string, salt: number, probability: number): string {
  return `(${rnd(expr, salt)} < ${probability})`;
}

/** A quoted SQL string literal. Only ever used on the constant word lists below, never on input. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A text[] constant; PostgreSQL folds it once per statement, not once per row. */
export function textArray(items: readonly string[]): string {
  return `ARRAY[${items.map(literal).join(', ')}]::text[]`;
}

/** SQL picking one element of a word list. */
export function pick(items: readonly string[], expr: string, salt: number): string {
  return `(${textArray(items)})[${between(expr, salt, 1, items.length)}]`;
}

/** SQL turning a (possibly accented) phrase into a lowercase ASCII slug. */
export function slugify(expr: string, separator = '-'): string {
  const folded = `translate(lower(${expr}), 'àáâäãåçèéêëìíîïñòóôöõøùúûüýÿßłśćńźżčšřžěőű', 'aaaaaaceeeeiiiinoooooouuuuyyslscnzzcsrzeou')`;
  return `trim(both '${separator}' from regexp_replace(${folded}, '[^a-z0-9]+', '${separator}', 'g'))`;
}

/** 1234567 -> "1,234,567", for progress messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Shared trigger function: every table with an updated_at column gets a BEFORE UPDATE trigger
 * calling it, so edits made through the admin UI bump the timestamp like a real app would.
 */
export const SET_UPDATED_AT_FUNCTION = `
  CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.updated_at := now();
    RETURN NEW;
  END
  $$`;

export function updatedAtTrigger(table: string): string {
  return `CREATE TRIGGER ${table}_set_updated_at BEFORE UPDATE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION set_updated_at()`;
}

/**
 * Rows are inserted with explicit ids (OVERRIDING SYSTEM VALUE) so related rows can be computed
 * from the same series number; afterwards the identity must continue after the highest id, or
 * the first row added through the UI would collide.
 */
export function resetIdentity(table: string): string {
  return `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`;
}

/** Refuses to seed over existing tables, with a clearer message than "relation already exists". */
export async function assertEmpty(client: SeedClient, domain: string, tables: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass('public.' || t) IS NOT NULL`, [tables]);
  if (rows.length > 0) {
    throw new Error(`${domain}: database is not empty (found ${rows.map((r) => r.name).join(', ')}); seed only a fresh database`);
  }
}

/**
 * Runs the whole seed in one transaction, so a failure leaves the database empty instead of
 * half seeded. Settings are SET LOCAL: a pooled client goes back to the pool unchanged.
 * statement_timeout is lifted because the engine's pools may set one shorter than a 1M-row load.
 */
export async function inTransaction(client: SeedClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL statement_timeout = 0`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(`SET LOCAL work_mem = '64MB'`);
    // Losing the last commit on a crash is harmless for demo data and saves a WAL flush wait.
    await client.query(`SET LOCAL synchronous_commit = off`);
    // The generated statements carry huge expressions: JIT-compiling them costs more than it
    // saves (measured: a 250k-order batch takes 2.8 s with JIT, 1.3 s without).
    await client.query(`SET LOCAL jit = off`);
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * VACUUM (ANALYZE) after the commit: ANALYZE gives the planner real row estimates (autovacuum
 * never analyzes a partitioned parent, so this is its only chance), and VACUUM sets the
 * visibility map and hint bits now, so the first count(*) or index-only scan in the UI is fast
 * instead of rewriting every freshly loaded page. Only the seeded tables, so a non-superuser
 * owner gets no "only superuser can vacuum it" warnings for shared catalogs. VACUUM cannot run
 * in a transaction block, hence outside inTransaction; RESET restores the session's own timeout.
 */
export async function vacuumAnalyze(client: SeedClient, tables: readonly string[]): Promise<void> {
  await client.query(`SET statement_timeout = 0`);
  try {
    await client.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  } finally {
    await client.query(`RESET statement_timeout`);
  }
}
