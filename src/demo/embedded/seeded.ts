/**
 * Which demo databases of an embedded cluster are seeded, and market with how many orders.
 * Shared by the demo's start (demo.ts) and the bench, which seeds the same market into its own
 * cluster (bench/seed-market.ts).
 */
import pg from 'pg';
import type { EmbeddedServer } from './postgres-server';
import { count } from './seed/sql';
import { seedBlog, seedMarket } from './seed';

/** Bumped when the demo schema changes, so an old .data folder is re-seeded, not misread. */
const SEED_VERSION = 1;
/** market.orders when nothing asks for another size. */
export const DEFAULT_ORDERS = 1_000_000;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'admin-hub:embedded-setup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A finished seed, with the orders it was asked for when it recorded them (market seeded before
 * the size was recorded: the planner's row count of orders, exact right after the seed's ANALYZE).
 * undefined: no database, or a seed that never finished or is of an older schema.
 */
type SeedState = { orders?: number; recorded: boolean } | undefined;

/** The marker is the seed's last step: a comment on public._admin_hub_seed, "<version>" or "<version>; orders <n>". */
async function seedState(server: EmbeddedServer, database: string): Promise<SeedState> {
  const exists = await withClient(
    server.url('postgres'),
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1,
  );
  if (!exists) return undefined;
  return withClient(server.url(database), async (c) => {
    const { rows } = await c.query<{ marker: string | null; estimate: number | null }>(
      `SELECT obj_description(to_regclass('public._admin_hub_seed'), 'pg_class') AS marker,
              (SELECT reltuples::float8 FROM pg_class WHERE oid = to_regclass('public.orders')) AS estimate`,
    );
    const [version, size] = (rows[0]?.marker ?? '').split('; orders ');
    if (version !== String(SEED_VERSION)) return undefined;
    if (size !== undefined) return { orders: Number(size), recorded: true };
    const estimate = rows[0]?.estimate;
    return { orders: estimate !== null && estimate !== undefined && estimate >= 0 ? Math.round(estimate) : undefined, recorded: false };
  });
}

async function recreateDatabase(server: EmbeddedServer, database: string): Promise<void> {
  await withClient(server.url('postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`);
  });
}

async function markSeeded(server: EmbeddedServer, database: string, orders?: number): Promise<void> {
  await withClient(server.url(database), async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS public._admin_hub_seed (seeded_at timestamptz NOT NULL DEFAULT now())');
    const marker = orders === undefined ? String(SEED_VERSION) : `${SEED_VERSION}; orders ${orders}`;
    await c.query(`COMMENT ON TABLE public._admin_hub_seed IS ${c.escapeLiteral(marker)}`);
  });
}

/** The hub's own database: created empty (the hub migrates it at start), kept once it exists. */
export async function ensureHubDatabase(server: EmbeddedServer): Promise<void> {
  if (await seedState(server, 'hub')) return;
  await recreateDatabase(server, 'hub');
  await markSeeded(server, 'hub');
}

/** Within 1% (and 10 rows): a seed whose size was not recorded, with a few rows added or removed since. */
const sameSize = (state: NonNullable<SeedState>, wanted: number) =>
  state.orders !== undefined && (state.recorded ? state.orders === wanted : Math.abs(state.orders - wanted) <= Math.max(10, wanted * 0.01));

/**
 * Seeds the demo domain `domain` unless it is fully seeded. `orders` (market only): the size
 * asked for (HUB_SEED_ORDERS, `npm start -- --big`); a market seeded with another number of
 * orders is dropped and seeded again at that size (blog and the hub database are not touched).
 * Without it, whatever is seeded is kept, and a fresh market gets DEFAULT_ORDERS. `database`: where,
 * when not the database named after the domain. True when it seeded.
 */
export async function ensureSeeded(
  server: EmbeddedServer,
  domain: 'blog' | 'market',
  options: { orders?: number; database?: string; onProgress: (message: string) => void },
): Promise<boolean> {
  const { onProgress, database = domain } = options;
  const state = await seedState(server, database);
  if (state && domain === 'market' && state.orders !== undefined) {
    if (options.orders === undefined) {
      if (!sameSize(state, DEFAULT_ORDERS))
        onProgress(`market: ${count(state.orders)} orders, as seeded (HUB_SEED_ORDERS=${DEFAULT_ORDERS} seeds the default size again)`);
      return false;
    }
    if (sameSize(state, options.orders)) return false;
    onProgress(`market holds ${count(state.orders)} orders and ${count(options.orders)} are asked for: seeding market again (the other databases are kept)…`);
  } else if (state) return false;
  const started = Date.now();
  if (!state) onProgress(`seeding the demo domain "${domain}" (first start only)…`);
  await recreateDatabase(server, database);
  const orders = options.orders ?? DEFAULT_ORDERS;
  await withClient(server.url(database), (client) => (domain === 'blog' ? seedBlog(client, { onProgress }) : seedMarket(client, { orders, onProgress })));
  await markSeeded(server, database, domain === 'market' ? orders : undefined);
  onProgress(`"${domain}" seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
