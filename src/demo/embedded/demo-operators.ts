import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOperator } from '@admin-hub/engine/auth/operators';
import { query } from '@admin-hub/engine/db/query';
import { storeOperatorSettings } from '@admin-hub/engine/operators/settings';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

/** One operator per role, so the demo shows what each one sees. */
const DEMO = [
  { email: 'admin@demo.local', role: 'superadmin', superadmin: true, roles: {} },
  { email: 'editor@demo.local', role: 'editor of blog and market', superadmin: false, roles: { blog: 'editor', market: 'editor' } },
  { email: 'viewer@demo.local', role: 'viewer of market', superadmin: false, roles: { market: 'viewer' } },
  // A row scope (src/demo/resources/market.ts): a market viewer who sees only the customers of DE and AT.
  { email: 'regional@demo.local', role: 'viewer of market, customers of DE and AT only', superadmin: false, roles: { market: 'viewer' } },
  // The hub in Korean, times in Seoul (it can switch to English from its menu).
  {
    email: 'ko@demo.local',
    role: 'editor of blog and market, in Korean (Asia/Seoul)',
    superadmin: false,
    roles: { blog: 'editor', market: 'editor' },
    settings: { locale: 'ko', timeZone: 'Asia/Seoul' },
  },
] as const;

/**
 * Creates the demo's operators on first start (random passwords, kept in .data so the
 * printed login stays valid across restarts) and returns their logins for the banner. A demo
 * operator added since (the regional viewer) is created on the next start, unless its email
 * is taken.
 */
export async function ensureDemoOperators(dataDir: string): Promise<DemoLogin[]> {
  const file = path.join(dataDir, 'demo-logins.json');
  const [existing] = await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_user');
  if (existing!.n > 0 && !existsSync(file)) return [];
  const logins: DemoLogin[] = existing!.n > 0 ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[]) : [];
  const missing = DEMO.filter((demo) => !logins.some((l) => l.email === demo.email));
  if (missing.length === 0) return logins;
  for (const demo of missing) {
    const [taken] = await query('hub', 'SELECT 1 FROM hub_user WHERE lower(email) = lower($1)', [demo.email]);
    if (taken) continue;
    const created = await createOperator({ email: demo.email, superadmin: demo.superadmin, roles: { ...demo.roles } });
    if ('settings' in demo) await storeOperatorSettings(created.id, demo.settings);
    logins.push({ email: created.email, password: created.password, role: demo.role });
  }
  writeFileSync(file, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}
