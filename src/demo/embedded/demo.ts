import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startDemoService, type DemoService } from '../service/server';
import { logger } from '@admin-hub/engine/log';
import { ensureHubDatabase, ensureSeeded } from './seeded';
import { startEmbeddedPostgres, type EmbeddedServer } from './postgres-server';

export interface DemoOptions {
  dataDir: string;
  port: number;
  /**
   * Rows in market.orders when asked for (HUB_SEED_ORDERS, `npm start -- --big`): a market of
   * another size is seeded again. Unset: what is seeded is kept; a first seed has 1,000,000.
   */
  orders?: number;
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

const DEMO_DOMAINS = ['blog', 'market'] as const;

/**
 * Starts the embedded PostgreSQL and makes sure the hub database and the demo domains exist
 * and are fully seeded. A seed that was interrupted (Ctrl-C, crash) is redone from scratch.
 */
export async function startEmbeddedDemo(options: DemoOptions): Promise<EmbeddedDemo> {
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, onProgress: options.onProgress });
  try {
    await ensureHubDatabase(server);
    for (const domain of DEMO_DOMAINS) await ensureSeeded(server, domain, { orders: options.orders, onProgress: options.onProgress });
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
