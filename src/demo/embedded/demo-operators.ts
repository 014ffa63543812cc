import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOperator } from '@admin-hub/engine/auth/operators';
import { query } from '@admin-hub/engine/db/query';

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
] as const;

/**
 * Creates the demo's operators on first start (random passwords, kept in .data so the
 * printed login stays valid across restarts) and returns their logins for the banner.
 */
export async function ensureDemoOperators(dataDir: string): Promise<DemoLogin[]> {
  const file = path.join(dataDir, 'demo-logins.json');
  const [existing] = await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_user');
  if (existing!.n > 0 && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[];
  if (existing!.n > 0) return [];
  const logins: DemoLogin[] = [];
  for (const demo of DEMO) {
    const created = await createOperator({ email: demo.email, superadmin: demo.superadmin, roles: { ...demo.roles } });
    logins.push({ email: created.email, password: created.password, role: demo.role });
  }
  writeFileSync(file, JSON.stringify(logins, null, 2), { mode: 0o600 });
  return logins;
}
