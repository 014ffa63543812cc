import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAuth } from '../../src/engine/auth/better-auth';
import { createLocalOperator, deleteOperator, revokeAllSessions, updateGrants } from '../../src/engine/operators/manage';
import type { Operator } from '../../src/engine/auth/operator';
import { createOperator } from '../../src/engine/auth/operators';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

let hub: TestDatabase;
let root: Operator;

beforeAll(async () => {
  hub = await createTestDatabase('hub_events');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('blog', hub.url), targetFromUrl('market', hub.url)]);
  resetAuth();
  await migrateHubDatabase();
  const created = await createOperator({ email: 'root@events.test', password: 'a long root password', superadmin: true });
  root = { id: created.id, email: created.email, name: 'root', superadmin: true, roles: {}, sessionId: undefined };
});
afterAll(async () => {
  resetAuth();
  await resetEngine();
  await hub.drop();
});

describe('hub changes are audited in the same transaction', () => {
  it('records operator creation, role changes with before and after, session revocation and deletion', async () => {
    const made = await createLocalOperator(root, { email: 'bob@events.test', roles: { blog: 'viewer' } });
    await updateGrants(root, made.id, { superadmin: false, roles: { blog: 'editor', market: 'viewer' } });
    await revokeAllSessions(root, made.id);
    await deleteOperator(root, made.id);
    const rows = await query<{ action: string; actor_email: string; record_id: string; changes: unknown; outcome: string }>(
      'hub',
      "SELECT action, actor_email, record_id, changes, outcome FROM hub_audit WHERE domain = 'hub' ORDER BY id",
    );
    expect(rows.map((r) => [r.action, r.actor_email, r.outcome])).toEqual([
      ['operator_create', 'root@events.test', 'committed'],
      ['roles_change', 'root@events.test', 'committed'],
      ['session_revoke_all', 'root@events.test', 'committed'],
      ['operator_delete', 'root@events.test', 'committed'],
    ]);
    expect(rows[1]!.changes).toEqual({ before: { blog: 'viewer' }, after: { blog: 'editor', market: 'viewer' } });
  });

  it('records nothing when the change is refused', async () => {
    const before = (await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_audit'))[0]!.n;
    await expect(updateGrants(root, root.id, { superadmin: false, roles: {} })).rejects.toThrow(/last superadmin/);
    expect((await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_audit'))[0]!.n).toBe(before);
  });
});
