import { describe, expect, it } from 'vitest';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { listResource } from '../../src/engine/list/run-list';
import { resolveResource } from '../../src/engine/resources/define';
import { superadmin, blogDatabaseForFile } from '../support/engine';

/**
 * Cursors stay small whatever the sort values: sorting by a text of 2,000 characters or
 * 1 MB, or by floats printed in exponent form, pages to the end and back without skipping or
 * repeating a row. Such sorts used to stop with "not a valid cursor" (and a 1 MB value made a
 * 1.3 MB cursor, whose request was reset).
 */

const domain = 'blog' as DomainName;
const notes = resolveResource({
  domain: 'blog',
  name: 'notes',
  table: 'notes',
  title: 'Notes',
  columns: [
    { name: 'id', type: 'integer', readOnly: true },
    { name: 'body', type: 'longtext', sortable: true },
    { name: 'score', type: 'number', sortable: true },
  ],
});

blogDatabaseForFile('long_cursors', {
  sql: `CREATE TABLE notes (id int PRIMARY KEY, body text, score float8);
     -- Long bodies that share their first 300 characters, so only the whole value orders them.
     INSERT INTO notes SELECT g, repeat('x', 300) || lpad(((g * 7919) % 97)::text, 3, '0') || repeat('y', 1700), (g % 5) * 1e-7 FROM generate_series(1, 60) g;
     INSERT INTO notes VALUES (61, repeat('z', 1000000), 1e300), (62, NULL, 'NaN'), (63, 'short', '-Infinity'), (64, repeat('x', 300) || '050', 1e-300);`,
});

async function walk(params: Record<string, string>): Promise<{ forward: number[]; backward: number[]; longestCursor: number }> {
  const forward: number[] = [];
  let longestCursor = 0;
  let page = await listResource(superadmin, domain, notes, { ...params, size: '7' });
  forward.push(...page.rows.map((r) => Number(r.id)));
  for (let pages = 1; page.next; pages++) {
    longestCursor = Math.max(longestCursor, page.next.length);
    page = await listResource(superadmin, domain, notes, { ...params, size: '7', after: page.next });
    forward.push(...page.rows.map((r) => Number(r.id)));
    expect(pages).toBeLessThan(50);
  }
  const backward = page.rows.map((r) => Number(r.id));
  while (page.previous) {
    longestCursor = Math.max(longestCursor, page.previous.length);
    page = await listResource(superadmin, domain, notes, { ...params, size: '7', before: page.previous });
    backward.unshift(...page.rows.map((r) => Number(r.id)));
  }
  return { forward, backward, longestCursor };
}

describe('cursors on long and odd sort values', () => {
  for (const sort of ['body', '-body', 'score', '-score']) {
    it(`pages by ${sort} to the end and back, in the database's order, with cursors under 4 KB`, async () => {
      const column = sort.replace('-', '');
      const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
      const expected = (await query<{ id: number }>(domain, `SELECT id FROM notes ORDER BY ${column} ${direction}, id ${direction}`)).map((r) => r.id);
      const { forward, backward, longestCursor } = await walk({ sort });
      expect(forward).toEqual(expected);
      expect(backward).toEqual(expected);
      expect(longestCursor).toBeLessThan(4096);
    });
  }
});
