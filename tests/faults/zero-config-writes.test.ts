import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../src/engine/auth/access';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainRole } from '../../src/engine/auth/roles';
import type { DomainName } from '../../src/engine/config/current';
import type { ZeroConfigWriteRole } from '../../src/engine/config/types';
import { query } from '../../src/engine/db/query';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { toHttpError } from '../../src/engine/http/errors';
import { viewColumnOrigins } from '../../src/engine/introspect/view-origins';
import { listResource } from '../../src/engine/list/run-list';
import { RecordConflictError, RecordValidationError } from '../../src/engine/records/errors';
import { runBulk } from '../../src/engine/records/bulk';
import { getRecord } from '../../src/engine/records/read-record';
import { createRecord, hardDeleteRecord, restoreRecord, softDeleteRecord, updateRecord } from '../../src/engine/records/write-record';
import { findResource } from '../../src/engine/resources/registry';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';

/**
 * D_ZERO_CONFIG_WRITES: one database served as three definition-less domains, read-only
 * (`plain`, no setting), writable from editors up (`eds`) and from admins up (`adm`). Writes
 * go through the same engine calls as a defined resource's, so the same value model,
 * conflict check, audit and refusals; what the catalog says cannot be written (views
 * PostgreSQL does not write through, materialized views, keyless tables, identity,
 * generated and expression columns) stays read-only whatever the setting.
 */
let db: TestDatabase;
let hub: TestDatabase;
const plain = 'plain' as DomainName;
const eds = 'eds' as DomainName;
const adm = 'adm' as DomainName;
const DOMAINS: Record<string, ZeroConfigWriteRole | undefined> = { plain: undefined, eds: 'editor', adm: 'admin' };

function operator(domain: string, role: DomainRole): Operator {
  return { id: `${domain}-${role}`, email: `${role}@${domain}.t`, name: role, superadmin: false, roles: { [domain]: role }, sessionId: undefined };
}

async function auditCount(domain: string): Promise<number> {
  const [row] = await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_audit WHERE domain = $1', [domain]);
  return row!.n;
}

const refusal = (error: unknown) => toHttpError(error);

beforeAll(async () => {
  db = await createTestDatabase('zero_config_writes');
  await adminQuery(
    `CREATE TABLE accounts (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       name text NOT NULL,
       password_hash text,
       name_upper text GENERATED ALWAYS AS (upper(name)) STORED,
       deleted_at timestamptz
     );
     INSERT INTO accounts (name, password_hash) VALUES ('Ada', 'old-hash'), ('Grace', 'other-hash');
     CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL);
     INSERT INTO notes VALUES (1, 'one'), (2, 'two');
     CREATE TABLE log_lines (line text, at timestamptz);
     CREATE TABLE readings (id int NOT NULL, day date NOT NULL, value int, PRIMARY KEY (id, day)) PARTITION BY RANGE (day);
     CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
     CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
     -- PostgreSQL writes through this one itself; its key is accounts.id under another name.
     CREATE VIEW account_cards AS SELECT id AS account_no, name AS display_name, upper(name) AS shout, password_hash FROM accounts;
     -- Names that lie: only the query tree says which column is the key.
     CREATE VIEW swapped AS SELECT name AS id, id AS name FROM accounts;
     CREATE VIEW account_names AS SELECT DISTINCT name FROM accounts;
     CREATE VIEW bare_names AS SELECT name FROM accounts;
     CREATE MATERIALIZED VIEW account_list AS SELECT id, name FROM accounts;
     CREATE UNIQUE INDEX ON account_list (id);`,
    [],
    db.url,
  );
  hub = await createTestDatabase('zero_config_writes_hub');
  installConfig(
    targetFromUrl('hub', hub.url),
    Object.entries(DOMAINS).map(([name, writes]) => targetFromUrl(name, db.url, writes ? { zeroConfigWrites: writes } : {})),
  );
  await migrateHubDatabase();
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
  await hub?.drop();
});

describe('without D_ZERO_CONFIG_WRITES', () => {
  it('serves the catalog read-only, as before: a write is a 403 in words and leaves no row and no audit entry', async () => {
    const { resource } = await findResource('plain', 'accounts');
    expect(resource.readOnly).toBe(true);
    const admin = operator('plain', 'admin');
    const error = await createRecord(admin, plain, resource, { name: 'Nobody' }).catch((e: unknown) => e);
    expect(refusal(error)).toEqual({ status: 403, body: { error: 'Accounts is read-only in the hub.' } });
    const { resource: notes } = await findResource('plain', 'notes');
    const page = await getRecord(admin, plain, notes, '1');
    await expect(updateRecord(admin, plain, notes, '1', { body: 'changed' }, page.version ?? '')).rejects.toThrow('Notes is read-only in the hub.');
    expect((await adminQuery<{ n: number }>("SELECT count(*)::int AS n FROM accounts WHERE name = 'Nobody'", [], db.url))[0]!.n).toBe(0);
    expect(await auditCount('plain')).toBe(0);
  });
});

describe('D_ZERO_CONFIG_WRITES=editor', () => {
  const editor = operator('eds', 'editor');
  const viewer = operator('eds', 'viewer');
  const admin = operator('eds', 'admin');

  it('lets an editor create, edit (with the conflict check) and soft-delete a row, one audit entry per change', async () => {
    const { resource } = await findResource('eds', 'accounts');
    expect(resource).toMatchObject({ readOnly: false, introspected: true, softDelete: 'deleted_at' });
    expect(resource.access).toMatchObject({ create: 'editor', update: 'editor', delete: 'editor', restore: 'editor', bulk: 'admin', hardDelete: 'admin' });
    const before = await auditCount('eds');

    const created = await createRecord(editor, eds, resource, { name: 'Linus' });
    expect(created.row).toMatchObject({ name: 'Linus', name_upper: 'LINUS' });
    expect(await auditCount('eds')).toBe(before + 1);

    const updated = await updateRecord(editor, eds, resource, created.id, { name: 'Linus T.' }, created.version!);
    expect(updated.row.name).toBe('Linus T.');
    expect(await auditCount('eds')).toBe(before + 2);
    // The version the editor saw is gone: refused with both sides, nothing written or audited.
    const stale = await updateRecord(editor, eds, resource, created.id, { name: 'Overwrite' }, created.version!).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(RecordConflictError);
    expect(refusal(stale).status).toBe(409);
    expect(await auditCount('eds')).toBe(before + 2);

    await softDeleteRecord(editor, eds, resource, created.id);
    expect(await auditCount('eds')).toBe(before + 3);
    expect((await adminQuery<{ gone: boolean }>('SELECT deleted_at IS NOT NULL AS gone FROM accounts WHERE id = $1', [created.id], db.url))[0]!.gone).toBe(
      true,
    );
    await restoreRecord(editor, eds, resource, created.id);

    const entries = await query<{ action: string; record_id: string; outcome: string }>(
      'hub',
      'SELECT action, record_id, outcome FROM hub_audit WHERE domain = $1 AND record_id = $2 ORDER BY id',
      ['eds', created.id],
    );
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'soft_delete', 'restore']);
    // Committed with the change (or still being settled), never aborted.
    expect(entries.every((e) => e.outcome === 'committed' || e.outcome === 'pending')).toBe(true);
  });

  it('keeps identity and generated columns read-only, refused on the field', async () => {
    const { resource } = await findResource('eds', 'accounts');
    const byName = Object.fromEntries(resource.columns.map((c) => [c.name, c]));
    expect([byName.id!.readOnly, byName.name_upper!.readOnly, byName.name!.readOnly]).toEqual([true, true, false]);
    const error = await createRecord(editor, eds, resource, { name: 'Eve', name_upper: 'X', id: '99' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).fieldErrors).toEqual({ name_upper: 'This field cannot be written.', id: 'This field cannot be written.' });
    // Required means required, as for a defined resource: NOT NULL without a default.
    const missing = await createRecord(editor, eds, resource, {}).catch((e: unknown) => e);
    expect((missing as RecordValidationError).fieldErrors).toEqual({ name: 'Required.' });
  });

  it('treats a secret-named column as write-only: set on create and edit, never returned by list, record or audit', async () => {
    const { resource } = await findResource('eds', 'accounts');
    expect(resource.columns.find((c) => c.name === 'password_hash')).toMatchObject({ secret: true, readOnly: false });
    const created = await createRecord(editor, eds, resource, { name: 'Margaret', password_hash: 'bcrypt-secret-1' });
    expect(created.row.password_hash).toBe('***');
    const stored = async () => (await adminQuery<{ p: string }>('SELECT password_hash AS p FROM accounts WHERE id = $1', [created.id], db.url))[0]!.p;
    expect(await stored()).toBe('bcrypt-secret-1');

    // Every role, admins too, sees it masked.
    for (const who of [viewer, editor, admin]) {
      expect((await getRecord(who, eds, resource, created.id)).row.password_hash).toBe('***');
      const list = await listResource(who, eds, resource, { q: 'Margaret' });
      expect(list.rows.map((r) => r.password_hash)).toEqual(['***']);
    }
    // Left out of an edit, the stored value is kept; given, it is replaced.
    const page = await getRecord(editor, eds, resource, created.id);
    const renamed = await updateRecord(editor, eds, resource, created.id, { name: 'Margaret H.' }, page.version!);
    expect(await stored()).toBe('bcrypt-secret-1');
    await updateRecord(editor, eds, resource, created.id, { password_hash: 'bcrypt-secret-2' }, renamed.version!);
    expect(await stored()).toBe('bcrypt-secret-2');

    const [audit] = await query<{ text: string }>('hub', "SELECT string_agg(changes::text, ' ') AS text FROM hub_audit WHERE domain = $1 AND record_id = $2", [
      'eds',
      created.id,
    ]);
    expect(audit!.text).toContain('password_hash');
    expect(audit!.text).not.toContain('bcrypt-secret');
  });

  it('refuses a viewer every write, and an editor what the hub keeps for admins (bulk, delete for good)', async () => {
    const { resource } = await findResource('eds', 'accounts');
    const error = await createRecord(viewer, eds, resource, { name: 'Viewer was here' }).catch((e: unknown) => e);
    expect(refusal(error).status).toBe(403);
    expect(refusal(error).body.error).toMatch(/editor/);
    const ada = (await adminQuery<{ id: string }>("SELECT id::text FROM accounts WHERE name = 'Ada'", [], db.url))[0]!.id;
    const page = await getRecord(viewer, eds, resource, ada);
    expect(refusal(await updateRecord(viewer, eds, resource, ada, { name: 'Ad' }, page.version!).catch((e: unknown) => e)).status).toBe(403);
    expect(refusal(await softDeleteRecord(viewer, eds, resource, ada).catch((e: unknown) => e)).status).toBe(403);
    expect([can(viewer, resource, 'bulk'), can(editor, resource, 'bulk'), can(admin, resource, 'bulk')]).toEqual([false, false, true]);
    expect((await adminQuery<{ name: string }>('SELECT name FROM accounts WHERE id = $1', [ada], db.url))[0]!.name).toBe('Ada');
  });

  it('assumes no soft delete where the table has none: delete is for good, admins only, after typing the id', async () => {
    const { resource } = await findResource('eds', 'notes');
    expect(resource.softDelete).toBeUndefined();
    expect(refusal(await softDeleteRecord(editor, eds, resource, '2').catch((e: unknown) => e))).toEqual({
      status: 403,
      body: { error: 'Notes has no soft delete; an admin can delete rows for good.' },
    });
    expect(refusal(await hardDeleteRecord(editor, eds, resource, '2', '2').catch((e: unknown) => e)).status).toBe(403);
    const before = await auditCount('eds');
    expect(refusal(await hardDeleteRecord(admin, eds, resource, '2', '1').catch((e: unknown) => e))).toMatchObject({
      status: 400,
      body: { error: 'Type 2 to confirm.' },
    });
    await hardDeleteRecord(admin, eds, resource, '2', '2');
    expect(await adminQuery('SELECT 1 FROM notes WHERE id = 2', [], db.url)).toEqual([]);
    expect(await auditCount('eds')).toBe(before + 1);
  });

  it('writes a partitioned table like any table', async () => {
    const { resource } = await findResource('eds', 'readings');
    expect(resource.readOnly).toBe(false);
    const created = await createRecord(editor, eds, resource, { id: 1, day: '2024-06-01', value: 5 });
    const moved = await updateRecord(editor, eds, resource, created.id, { value: 6 }, created.version!);
    expect(moved.row).toMatchObject({ id: 1, day: '2024-06-01', value: 6 });
    expect(await adminQuery('SELECT value FROM readings_2024 WHERE id = 1', [], db.url)).toEqual([{ value: 6 }]);
  });

  it('keeps a table without a usable key read-only', async () => {
    const { resource } = await findResource('eds', 'log-lines');
    expect(resource).toMatchObject({ keyless: true, readOnly: true });
    expect(refusal(await createRecord(admin, eds, resource, { line: 'x' }).catch((e: unknown) => e)).status).toBe(403);
  });
});

describe('views under D_ZERO_CONFIG_WRITES=editor', () => {
  const editor = operator('eds', 'editor');
  const admin = operator('eds', 'admin');

  it('writes through a view PostgreSQL updates itself, keyed by its table key under the view name, versioned by its values', async () => {
    const { resource } = await findResource('eds', 'account-cards');
    expect(resource).toMatchObject({ readOnly: false, keyless: false, primaryKey: ['account_no'], rowVersion: 'values' });
    const byName = Object.fromEntries(resource.columns.map((c) => [c.name, c]));
    // The key is the table's identity column: written by the database. An expression cannot be written.
    expect([byName.account_no!.readOnly, byName.shout!.readOnly, byName.display_name!.readOnly]).toEqual([true, true, false]);
    expect(byName.display_name!.nullable).toBe(false); // the table's NOT NULL, through the view
    expect(byName.password_hash!.secret).toBe(true);

    const before = await auditCount('eds');
    const created = await createRecord(editor, eds, resource, { display_name: 'Barbara', password_hash: 'view-secret' });
    expect(created.row).toMatchObject({ display_name: 'Barbara', shout: 'BARBARA', password_hash: '***' });
    expect(created.version).toMatch(/^v[0-9a-f]{32}$/);
    expect(created.version).not.toContain('view-secret');
    const page = await getRecord(editor, eds, resource, created.id);
    expect(page.version).toBe(created.version);

    const updated = await updateRecord(editor, eds, resource, created.id, { display_name: 'Barbara L.' }, page.version!);
    expect(updated.row.shout).toBe('BARBARA L.');
    expect(updated.version).not.toBe(page.version);
    // Someone else's change since: refused, as on a table.
    await adminQuery("UPDATE accounts SET name = 'Changed elsewhere' WHERE id = $1", [created.id], db.url);
    const stale = await updateRecord(editor, eds, resource, created.id, { display_name: 'Mine' }, updated.version!).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(RecordConflictError);
    expect((await adminQuery<{ name: string }>('SELECT name FROM accounts WHERE id = $1', [created.id], db.url))[0]!.name).toBe('Changed elsewhere');

    expect(refusal(await hardDeleteRecord(editor, eds, resource, created.id, created.id).catch((e: unknown) => e)).status).toBe(403);
    await hardDeleteRecord(admin, eds, resource, created.id, created.id);
    expect(await adminQuery('SELECT 1 FROM accounts WHERE id = $1', [created.id], db.url)).toEqual([]);
    expect(await auditCount('eds')).toBe(before + 3);
  });

  it('keys a view by where its columns come from, not by their names', async () => {
    const { resource } = await findResource('eds', 'swapped');
    expect(resource.primaryKey).toEqual(['name']);
    const [tree] = await adminQuery<{ t: string }>("SELECT ev_action::text AS t FROM pg_rewrite WHERE ev_class = 'swapped'::regclass", [], db.url);
    const [accounts] = await adminQuery<{ oid: string }>("SELECT 'accounts'::regclass::oid::text AS oid", [], db.url);
    expect(viewColumnOrigins(tree!.t)).toEqual(
      new Map([
        [1, { table: accounts!.oid, attnum: 2 }],
        [2, { table: accounts!.oid, attnum: 1 }],
      ]),
    );
  });

  it('keeps a view PostgreSQL cannot write through, a view without the key and a materialized view read-only', async () => {
    for (const name of ['account-names', 'bare-names', 'account-list']) {
      const { resource } = await findResource('eds', name);
      expect({ name, readOnly: resource.readOnly }).toEqual({ name, readOnly: true });
      const column = resource.columns[resource.columns.length - 1]!.name;
      const error = await createRecord(admin, eds, resource, { [column]: 'x' }).catch((e: unknown) => e);
      expect(refusal(error).status).toBe(403);
    }
    expect((await findResource('eds', 'bare-names')).resource.keyless).toBe(true);
    expect(await adminQuery("SELECT 1 FROM accounts WHERE name = 'x'", [], db.url)).toEqual([]);
  });
});

describe('bulk actions under D_ZERO_CONFIG_WRITES=editor', () => {
  it('stay admin-only (the hub minimum), and run through a writable view row by row, each audited', async () => {
    const { resource: view } = await findResource('eds', 'account-cards');
    const ids = (await adminQuery<{ id: string }>("INSERT INTO accounts (name) VALUES ('Bulk 1'), ('Bulk 2') RETURNING id::text", [], db.url)).map((r) => r.id);
    const action = { kind: 'set', field: 'display_name', value: 'Renamed in bulk' } as const;
    expect(refusal(await runBulk(operator('eds', 'editor'), eds, view, action, { ids }).catch((e: unknown) => e)).status).toBe(403);
    const before = await auditCount('eds');
    expect(await runBulk(operator('eds', 'admin'), eds, view, action, { ids })).toEqual({ done: 2, failed: [] });
    expect(await adminQuery('SELECT name FROM accounts WHERE id = ANY($1::bigint[]) ORDER BY id', [ids], db.url)).toEqual([
      { name: 'Renamed in bulk' },
      { name: 'Renamed in bulk' },
    ]);
    // One entry per row, and one for the run.
    expect(await auditCount('eds')).toBe(before + 3);
  });
});

describe('D_ZERO_CONFIG_WRITES=admin', () => {
  it('refuses an editor and lets an admin write', async () => {
    const { resource } = await findResource('adm', 'notes');
    expect(resource.access).toMatchObject({ create: 'admin', update: 'admin', delete: 'admin', restore: 'admin', bulk: 'admin', hardDelete: 'admin' });
    const editor = operator('adm', 'editor');
    const admin = operator('adm', 'admin');
    const error = await createRecord(editor, adm, resource, { id: 10, body: 'by an editor' }).catch((e: unknown) => e);
    expect(refusal(error).status).toBe(403);
    expect(refusal(error).body.error).toMatch(/admin/);
    const page = await getRecord(editor, adm, resource, '1');
    expect(refusal(await updateRecord(editor, adm, resource, '1', { body: 'x' }, page.version!).catch((e: unknown) => e)).status).toBe(403);

    const before = await auditCount('adm');
    const created = await createRecord(admin, adm, resource, { id: 10, body: 'by an admin' });
    await updateRecord(admin, adm, resource, created.id, { body: 'by an admin, edited' }, created.version!);
    expect(await adminQuery('SELECT body FROM notes WHERE id = 10', [], db.url)).toEqual([{ body: 'by an admin, edited' }]);
    expect(await auditCount('adm')).toBe(before + 2);
  });
});
