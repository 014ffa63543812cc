import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import type { DomainName } from '../../src/engine/config/current';
import { quoteIdent } from '../../src/engine/list/sql';
import { query } from '../../src/engine/db/query';
import { readCatalog, renderRowTypesFile, rowValueKind, typeMembers, valueHasKind, type CatalogTable } from '../../src/engine/introspect';
import { rowsOf, rowTypeKey } from '../../src/engine/resources/rows';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { TYPE_ZOO_SQL } from '../fixtures/type-zoo';
import { loadFixture } from './fixture';
import { PROJECT_ROOT, typecheckInProject } from './typecheck';

/**
 * `npm run introspect -- <domain> --types`: the row types match the values the engine hands
 * out, compile, and the demo's committed files are what the command writes today.
 */
const MORE_SQL = `
  CREATE TYPE tone AS ENUM ('low', 'high');
  CREATE DOMAIN handle AS text;
  CREATE DOMAIN counts AS int[];
  CREATE TABLE arrays (
    id int PRIMARY KEY, tones tone[], handles handle[], names name[], nums numeric[], floats float8[], flags bool[], big int8[],
    stamps timestamptz[], ids uuid[], counted counts, docs jsonb[], chars char(2)[], "odd name" text, ranges int4range[]
  );
  INSERT INTO arrays VALUES
    (1, '{low,high}', '{a,b}', '{x}', '{1.5,NaN}', '{1.5,NaN,-Infinity}', '{t,NULL}', '{9223372036854775807}', '{2024-01-01 10:00+02}',
     '{00000000-0000-0000-0000-000000000000}', '{1,2}', '{"{\\"a\\": 1}"}', '{ab}', 'x', '{"[1,2)"}'),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  CREATE SCHEMA audit;
  CREATE TABLE audit.events (id bigserial PRIMARY KEY, tone tone NOT NULL DEFAULT 'low', at timestamptz NOT NULL DEFAULT now());
  INSERT INTO audit.events DEFAULT VALUES`;

let hub: TestDatabase;
const databases: Record<string, TestDatabase> = {};

beforeAll(async () => {
  hub = await createTestDatabase('rowtypes_hub');
  const names = ['blog', 'market', 'zoo', 'more', 'fixture'];
  const made = await Promise.all(names.map((n) => createTestDatabase(`rowtypes_${n}`)));
  names.forEach((n, i) => (databases[n] = made[i]!));
  await Promise.all([
    withClient(databases.blog!.url, (c) => seedBlog(c)),
    withClient(databases.market!.url, (c) => seedMarket(c, { orders: 50 })),
    adminQuery(TYPE_ZOO_SQL, [], databases.zoo!.url),
    adminQuery(MORE_SQL, [], databases.more!.url),
    loadFixture(databases.fixture!.url),
  ]);
  installConfig(
    targetFromUrl('hub', hub.url),
    names.map((n) => targetFromUrl(n, databases[n]!.url)),
  );
});
afterAll(async () => {
  await resetEngine();
  await Promise.all([hub?.drop(), ...Object.values(databases).map((d) => d.drop())]);
});

const catalogOf = (domain: string): Promise<CatalogTable[]> => readCatalog(domain as DomainName);

describe('generated row types', () => {
  it.each(['blog', 'market'])('src/demo/rows/%s.generated.ts is what `--types` writes for the seeded demo', async (domain) => {
    const file = path.join('src', 'demo', 'rows', `${domain}.generated.ts`);
    const committed = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    expect(
      committed,
      `${file} is out of date with the demo's seed: run \`npm run introspect -- ${domain} --types --out ${file} --force\` (with nothing configured it uses the embedded demo) and commit the file.`,
    ).toBe(renderRowTypesFile(domain, await catalogOf(domain)));
  });

  it.each(['zoo', 'more', 'fixture', 'blog', 'market'])('type every value the engine reads from the %s tables', async (domain) => {
    const mismatches: string[] = [];
    let values = 0;
    for (const table of await catalogOf(domain)) {
      if (table.kind === 'materialized_view') continue; // never refreshed in some fixtures
      const rows = await query(domain as DomainName, `SELECT * FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)} LIMIT 200`);
      for (const row of rows) {
        for (const column of table.columns) {
          const value = row[column.name];
          const kind = rowValueKind(column);
          if (value === null ? !column.nullable : !valueHasKind(value, kind))
            mismatches.push(`${rowTypeKey(table)}.${column.name} (${column.sqlType}): ${JSON.stringify(value)} is not ${typeMembers(kind).join(' | ')}`);
          values += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(values).toBeGreaterThan(20);
  });

  it('types arrays as the driver splits them, and the others as their literal text', async () => {
    const arrays = (await catalogOf('more')).find((t) => t.name === 'arrays')!;
    const types = Object.fromEntries(arrays.columns.map((c) => [c.name, typeMembers(rowValueKind(c)).join(' | ')]));
    expect(types).toEqual({
      id: 'number',
      tones: 'string', // an enum array arrives as '{low,high}'
      handles: 'string', // so does an array of a domain
      names: 'string',
      nums: '(string | null)[]', // exactly, as text (db/exact-types.ts)
      floats: '(number | string | null)[]',
      flags: '(boolean | null)[]',
      big: '(string | null)[]',
      stamps: '(string | null)[]',
      ids: '(string | null)[]',
      counted: '(number | null)[]', // a domain over int[] is an int[]
      docs: '(string | null)[]',
      chars: '(string | null)[]',
      'odd name': 'string',
      ranges: 'string',
    });
  });

  it('compile, and type-check what custom pages do with them', async () => {
    const source = renderRowTypesFile('more', await catalogOf('more'));
    expect(source).toContain("      'audit.events': {\n        id: string;\n        tone: 'low' | 'high';\n");
    expect(source).toContain("        'odd name': string | null;\n");
    const use = [
      "import type { Row } from '@admin-hub/engine/resources/rows';",
      "export const event: Row<'more', 'audit.events'> = { id: '1', tone: 'high', at: '2024-01-01T00:00:00Z' };",
      "export const tones: Row<'more', 'arrays'>['flags'] = [true, null];",
    ];
    expect(typecheckInProject(`${source}\n${use.join('\n')}\n`)).toEqual([]);
    const wrong = [
      "import type { Row } from '@admin-hub/engine/resources/rows';",
      "export const event: Row<'more', 'audit.events'> = { id: 1, tone: 'loud', at: null };",
      "export const missing: Row<'more', 'nope'> = {};",
    ];
    const errors = typecheckInProject(`${source}\n${wrong.join('\n')}\n`).join('\n');
    expect(errors).toMatch(/'number' is not assignable to type 'string'/);
    expect(errors).toMatch(/'"loud"' is not assignable/);
    expect(errors).toMatch(/'null' is not assignable/);
    expect(errors).toMatch(/"nope"/);
  }, 120_000);

  it('rowsOf refuses rows of another table', () => {
    const customers = { domain: 'market', name: 'customers', table: { schema: 'public', name: 'customers' } };
    expect(rowsOf(customers, 'market', 'customers', [{ id: '1' }])).toEqual([{ id: '1' }]);
    const events = { domain: 'market', name: 'events', table: { schema: 'audit', name: 'events' } };
    expect(() => rowsOf(events, 'market', 'customers', [])).toThrow('market/events reads market table "audit.events", not market table "customers"');
  });
});
