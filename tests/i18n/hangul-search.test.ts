import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import { adminQuery, createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine, superadmin } from '../support/engine';

let db: TestDatabase;
const domain = 'market' as DomainName;
const stores = resolveResource({
  domain: 'market',
  name: 'stores',
  table: 'stores',
  title: 'Stores',
  columns: [
    { name: 'id', type: 'integer', readOnly: true },
    { name: 'name', type: 'text', searchable: true },
    { name: 'city', type: 'text', searchable: true },
  ],
});

beforeAll(async () => {
  db = await createTestDatabase('hangul');
  await adminQuery(
    `CREATE TABLE stores (id int PRIMARY KEY, name text NOT NULL, city text NOT NULL);
     INSERT INTO stores VALUES (1, '한빛 문구', '서울특별시'), (2, 'Hanbit Books', 'Seoul'), (3, '바다 서점', '부산광역시'), (4, '서울 커피', '대전광역시');`,
    [],
    db.url,
  );
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('market', db.url)]);
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
});

const found = async (q: string) => (await listResource(superadmin, domain, stores, { q, sort: 'id' })).rows.map((r) => r.id);

describe('searching Korean text (issue 20)', () => {
  it('finds Hangul anywhere in a searchable column, syllable by syllable', async () => {
    expect(await found('서울')).toEqual([1, 4]);
    expect(await found('광역시')).toEqual([3, 4]);
    expect(await found('문구')).toEqual([1]);
    expect(await found('서')).toEqual([1, 3, 4]);
  });

  it('mixes with Latin text and case-insensitive matching, and finds nothing for a word no row holds', async () => {
    expect(await found('hanbit')).toEqual([2]);
    expect(await found('SEOUL')).toEqual([2]);
    expect(await found('제주')).toEqual([]);
  });
});
