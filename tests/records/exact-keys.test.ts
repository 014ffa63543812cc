import { describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { listResource } from '../../src/engine/list/run-list';
import { flushAuditSettlement } from '../../src/engine/audit/record';
import { AmbiguousRecordError, RecordNotFoundError } from '../../src/engine/records/errors';
import { getRecord } from '../../src/engine/records/read-record';
import { encodeRecordId } from '../../src/engine/records/record-id';
import { hardDeleteRecord, updateRecord } from '../../src/engine/records/write-record';
import { resolveResource } from '../../src/engine/resources/define';
import { blogOperator, blogDatabaseForFile } from '../support/engine';

/**
 * A record id names exactly one row, at the key's full precision: timestamptz keys a
 * microsecond apart, composite keys of text, uuid, numeric(40,10) and timestamptz, and a key
 * that is not unique (refused, rolled back, not audited). Ids used to be compared to the
 * millisecond: one edit changed two rows and a hard delete removed two.
 */

const domain = 'blog' as DomainName;
const admin = blogOperator('admin');

const ticks = resolveResource({
  domain: 'blog',
  name: 'ticks',
  table: 'ticks',
  title: 'Ticks',
  columns: [
    { name: 'at', type: 'datetime' },
    { name: 'label', type: 'text' },
  ],
  primaryKey: ['at'],
});
const mix = resolveResource({
  domain: 'blog',
  name: 'mix',
  table: 'mix',
  title: 'Mix',
  columns: [
    { name: 'code', type: 'text' },
    { name: 'uid', type: 'uuid' },
    { name: 'amount', type: 'number' },
    { name: 'at', type: 'datetime' },
    { name: 'note', type: 'text' },
  ],
  primaryKey: ['code', 'uid', 'amount', 'at'],
});
// A "key" the definition chose that the table does not keep unique (as on a view).
const loose = resolveResource({
  domain: 'blog',
  name: 'loose',
  table: 'loose',
  title: 'Loose',
  columns: [
    { name: 'at', type: 'datetime' },
    { name: 'label', type: 'text' },
  ],
  primaryKey: ['at'],
});

const MICRO = ['2024-02-29 23:59:59.999998+00', '2024-02-29 23:59:59.999999+00', '2024-03-01 00:00:00+00'];

blogDatabaseForFile('exact_keys', {
  // The database's own zone and date style are not UTC and ISO: the hub's sessions must not depend on them.
  settings: `ALTER DATABASE {db} SET TimeZone = 'Asia/Seoul'; ALTER DATABASE {db} SET DateStyle = 'SQL, DMY';`,
  sql: `CREATE TABLE ticks (at timestamptz PRIMARY KEY, label text NOT NULL);
     INSERT INTO ticks VALUES ('${MICRO[0]}', 'a'), ('${MICRO[1]}', 'b'), ('${MICRO[2]}', 'c'), ('infinity', 'inf'), ('0044-03-15 12:00:00.5+00 BC', 'ides');
     CREATE TABLE mix (code text, uid uuid, amount numeric(40, 10), at timestamptz, note text, PRIMARY KEY (code, uid, amount, at));
     INSERT INTO mix VALUES
       ('a,b', '00000000-0000-0000-0000-000000000001', 123456789012345678901234567890.0000000001, '${MICRO[0]}', 'one'),
       ('a,b', '00000000-0000-0000-0000-000000000001', 123456789012345678901234567890.0000000001, '${MICRO[1]}', 'two'),
       ('a,b', '00000000-0000-0000-0000-000000000001', 123456789012345678901234567890.0000000002, '${MICRO[0]}', 'three');
     CREATE TABLE loose (at timestamptz, label text);
     INSERT INTO loose VALUES ('${MICRO[0]}', 'x'), ('${MICRO[0]}', 'y'), ('${MICRO[1]}', 'z');`,
  hub: true,
});

async function auditCount(): Promise<number> {
  await flushAuditSettlement();
  const [row] = await query<{ n: number }>('hub', 'SELECT count(*)::int AS n FROM hub_audit');
  return row!.n;
}

describe('record ids at full precision', () => {
  it('lists timestamptz keys with every microsecond, infinity and the BC era, in UTC whatever the database default', async () => {
    const page = await listResource(admin, domain, ticks, { sort: 'at' });
    expect(page.rows.map((r) => r.at)).toEqual([
      '0044-03-15T12:00:00.5Z BC',
      '2024-02-29T23:59:59.999998Z',
      '2024-02-29T23:59:59.999999Z',
      '2024-03-01T00:00:00Z',
      'infinity',
    ]);
  });

  it('opens each row by its id, and only that row', async () => {
    const page = await listResource(admin, domain, ticks, { sort: 'at' });
    for (const row of page.rows) {
      const record = await getRecord(admin, domain, ticks, encodeRecordId(ticks, row));
      expect(record.row.label).toBe(row.label);
    }
    await expect(getRecord(admin, domain, ticks, encodeURIComponent('2024-02-29T23:59:59.999997Z'))).rejects.toThrow(RecordNotFoundError);
    // Not a day of the calendar: a 404, never a date rolled over into March.
    await expect(getRecord(admin, domain, ticks, '2024-02-30T00%3A00%3A00Z')).rejects.toThrow(RecordNotFoundError);
  });

  it('edits and deletes exactly the row named, a microsecond from its neighbour', async () => {
    const before = await auditCount();
    const id = encodeRecordId(ticks, { at: '2024-02-29T23:59:59.999998Z' });
    const { version } = await getRecord(admin, domain, ticks, id);
    await updateRecord(admin, domain, ticks, id, { label: 'edited' }, version!);
    const rows = await query<{ at: string; label: string }>('blog', 'SELECT at::text AS at, label FROM ticks ORDER BY at');
    expect(rows.filter((r) => r.label === 'edited').map((r) => r.at)).toEqual(['2024-02-29 23:59:59.999998+00']);
    expect(rows.find((r) => r.at === '2024-02-29 23:59:59.999999+00')!.label).toBe('b');

    await hardDeleteRecord(admin, domain, ticks, id, decodeURIComponent(id));
    const left = await query<{ at: string }>('blog', "SELECT at::text AS at FROM ticks WHERE at > '2024-01-01' AND at < 'infinity' ORDER BY at");
    expect(left.map((r) => r.at)).toEqual(['2024-02-29 23:59:59.999999+00', '2024-03-01 00:00:00+00']);
    expect(await auditCount()).toBe(before + 2);
  });

  it('keeps composite keys of text with a comma, uuid, numeric(40,10) and timestamptz apart', async () => {
    const page = await listResource(admin, domain, mix, { sort: 'note' });
    expect(page.rows.map((r) => r.amount)).toContain('123456789012345678901234567890.0000000002');
    const ids = page.rows.map((r) => encodeRecordId(mix, r));
    expect(new Set(ids).size).toBe(3);
    const two = page.rows.find((r) => r.note === 'two')!;
    const { version } = await getRecord(admin, domain, mix, encodeRecordId(mix, two));
    await updateRecord(admin, domain, mix, encodeRecordId(mix, two), { note: 'two, edited' }, version!);
    const notes = await query<{ note: string }>('blog', 'SELECT note FROM mix ORDER BY note');
    expect(notes.map((n) => n.note)).toEqual(['one', 'three', 'two, edited']);
  });

  it('refuses an id that matches several rows: nothing changes and nothing is audited', async () => {
    const before = await auditCount();
    const id = encodeRecordId(loose, { at: '2024-02-29T23:59:59.999998Z' });
    await expect(getRecord(admin, domain, loose, id)).rejects.toThrow(AmbiguousRecordError);
    await expect(updateRecord(admin, domain, loose, id, { label: 'both' }, '1')).rejects.toThrow(/does not name one record/);
    await expect(hardDeleteRecord(admin, domain, loose, id, decodeURIComponent(id))).rejects.toThrow(AmbiguousRecordError);
    const rows = await query<{ label: string }>('blog', 'SELECT label FROM loose ORDER BY label');
    expect(rows.map((r) => r.label)).toEqual(['x', 'y', 'z']);
    expect(await auditCount()).toBe(before);
    // The unique one still works.
    const z = encodeRecordId(loose, { at: '2024-02-29T23:59:59.999999Z' });
    expect((await getRecord(admin, domain, loose, z)).row.label).toBe('z');
  });
});

describe('date-time filters', () => {
  it('takes a date alone as the whole day, and refuses a day the calendar does not have with a 400', async () => {
    const day = await listResource(
      admin,
      domain,
      { ...ticks, columns: ticks.columns.map((c) => (c.name === 'at' ? { ...c, filter: 'range' as const } : c)) },
      { 'f.at.min': '2024-02-29', 'f.at.max': '2024-02-29', sort: 'at' },
    );
    expect(day.rows.map((r) => r.at)).toEqual(['2024-02-29T23:59:59.999999Z']);
    const ranged = { ...ticks, columns: ticks.columns.map((c) => (c.name === 'at' ? { ...c, filter: 'range' as const } : c)) };
    await expect(listResource(admin, domain, ranged, { 'f.at.max': '2024-02-30' })).rejects.toMatchObject({ status: 400 });
    await expect(listResource(admin, domain, ranged, { 'f.at.min': ' 12 ' })).rejects.toMatchObject({ status: 400 });
  });
});
