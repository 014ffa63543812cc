import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startDemoService, type DemoService } from '../service/server';
import { logger } from '@admin-hub/engine/log';
import { seedBlog, seedMarket } from './seed';
import { startEmbeddedPostgres, type EmbeddedServer } from './postgres-server';

export interface DemoOptions {
  dataDir: string;
  port: number;
  /** Rows in market.orders; 1,000,000 by default so the demo shows a big table. */
  orders: number;
  onProgress: (message: string) => void;
}

export interface EmbeddedDemo {
  server: EmbeddedServer;
  /** The variables a user would set for their own servers, pointing at the embedded ones. */
  env: Record<string, string>;
  /** A random signing secret kept beside the data, so sessions survive restarts. */
  authSecret: string;
  /** The blog domain's own service (internal actions), on a free 127.0.0.1 port. */
  service: DemoService;
  /** Stops the service, then PostgreSQL. */
  stop: () => Promise<void>;
}

function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Bumped when the demo schema changes, so an old .data folder is re-seeded, not misread. */
const SEED_VERSION = 1;
const DEMO_DOMAINS = ['blog', 'market'] as const;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'admin-hub:embedded-setup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database counts as seeded only when its seeding finished: the marker is its last step. */
async function isSeeded(server: EmbeddedServer, database: string): Promise<boolean> {
  const exists = await withClient(
    server.url('postgres'),
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1,
  );
  if (!exists) return false;
  return withClient(server.url(database), async (c) => {
    const rows = await c.query<{ version: string | null }>("SELECT obj_description(to_regclass('public._admin_hub_seed'), 'pg_class') AS version");
    return rows.rows[0]?.version === String(SEED_VERSION);
  });
}

async function recreateDatabase(server: EmbeddedServer, database: string): Promise<void> {
  await withClient(server.url('postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`);
  });
}

async function markSeeded(server: EmbeddedServer, database: string): Promise<void> {
  await withClient(server.url(database), async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS public._admin_hub_seed (seeded_at timestamptz NOT NULL DEFAULT now())');
    await c.query(`COMMENT ON TABLE public._admin_hub_seed IS '${SEED_VERSION}'`);
  });
}

/**
 * Starts the embedded PostgreSQL and makes sure the hub database and the demo domains exist
 * and are fully seeded. A seed that was interrupted (Ctrl-C, crash) is redone from scratch.
 */
export async function startEmbeddedDemo(options: DemoOptions): Promise<EmbeddedDemo> {
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, onProgress: options.onProgress });
  try {
    if (!(await isSeeded(server, 'hub'))) {
      await recreateDatabase(server, 'hub');
      await markSeeded(server, 'hub');
    }
    for (const domain of DEMO_DOMAINS) {
      if (await isSeeded(server, domain)) continue;
      const started = Date.now();
      options.onProgress(`seeding the demo domain "${domain}" (first start only)…`);
      await recreateDatabase(server, domain);
      await withClient(server.url(domain), (client) =>
        domain === 'blog'
          ? seedBlog(client, { onProgress: options.onProgress })
          : seedMarket(client, { orders: options.orders, onProgress: options.onProgress }),
      );
      await markSeeded(server, domain);
      options.onProgress(`"${domain}" seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  // The blog's own service for internal actions, with a secret kept beside the data like the auth secret.
  const internalSecret = persistentSecret(`${options.dataDir}.internal-secret`);
  let service: DemoService;
  try {
    service = await startDemoService({ secret: internalSecret, blogDatabaseUrl: server.url('blog'), log: logger('blog-service').info });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    service,
    stop: async () => {
      await service.stop();
      await server.stop();
    },
    authSecret: persistentSecret(`${options.dataDir}.auth-secret`),
    env: {
      HUB_DOMAINS: DEMO_DOMAINS.join(','),
      HUB_DATABASE_URL: server.url('hub'),
      ...Object.fromEntries(DEMO_DOMAINS.map((d) => [`${d.toUpperCase()}_DATABASE_URL`, server.url(d)])),
      BLOG_INTERNAL_URL: service.url,
      BLOG_INTERNAL_SECRET: internalSecret,
    },
  };
}
