import { describe, expect, it } from 'vitest';
import { toFormValue } from '../../src/components/record-form/values';
import type { DomainName } from '../../src/engine/config/current';
import { query } from '../../src/engine/db/query';
import { HubError } from '../../src/engine/errors';
import { exportResource } from '../../src/engine/export/export-resource';
import { drain } from '../support/export';
import { catalogToDefinitions, readCatalog } from '../../src/engine/introspect';
import { listResource } from '../../src/engine/list/run-list';
import { RecordValidationError } from '../../src/engine/records/errors';
import { getRecord } from '../../src/engine/records/read-record';
import { encodeRecordId } from '../../src/engine/records/record-id';
import { updateRecord } from '../../src/engine/records/write-record';
import { resolveResource } from '../../src/engine/resources/define';
import type { Resource } from '../../src/engine/resources/types';
import { blogDatabaseForFile, blogOperator } from '../support/engine';
import { TYPE_ZOO_SQL } from '../fixtures/type-zoo';

/**
 * A "type zoo": one table with a column of (nearly) every PostgreSQL type, holding edge
 * values, plus a partitioned and a view variant, defined from the catalog the way
 * `npm run introspect` does. Every list (each sortable column, both directions, walked to the
 * end by cursor), record page and export answers; and saving the value a page shows back into
 * its column leaves the database holding exactly what it held, or is a field error: never a
 * 500, never a changed value.
 */

const domain = 'blog' as DomainName;
const admin = blogOperator('admin');

blogDatabaseForFile('type_zoo', { sql: TYPE_ZOO_SQL, hub: true });

async function zooResources(): Promise<Resource[]> {
  const definitions = catalogToDefinitions('blog', await readCatalog(domain));
  return definitions.map((def) => resolveResource(def));
}

/** A failure that is not the input's fault (a 500): what the test must never see. */
function serverFault(error: unknown): boolean {
  return !(error instanceof HubError) || error.status >= 500;
}

describe('the type zoo', () => {
  it('is introspected as a table, a partitioned table and a view, with every column', async () => {
    const resources = await zooResources();
    expect(resources.map((r) => r.table.name).sort()).toEqual(['zoo', 'zoo_parted', 'zoo_view']);
    for (const resource of resources) expect(resource.columns).toHaveLength(40);
  });

  it('lists by every sortable column both ways to the end, opens every row, and exports, without a server error', async () => {
    const faults: string[] = [];
    for (const resource of await zooResources()) {
      const cols = resource.columns.map((c) => c.name).join(',');
      for (const column of resource.columns.filter((c) => c.sortable)) {
        for (const sort of [column.name, `-${column.name}`]) {
          try {
            const seen: string[] = [];
            let page = await listResource(admin, domain, resource, { sort, cols, size: '1' });
            seen.push(...page.rows.map((r) => encodeRecordId(resource, r)));
            while (page.next) {
              page = await listResource(admin, domain, resource, { sort, cols, size: '1', after: page.next });
              seen.push(...page.rows.map((r) => encodeRecordId(resource, r)));
              if (seen.length > 10) break;
            }
            if (new Set(seen).size !== 3 && resource.table.name !== 'zoo_view') faults.push(`${resource.name} sort=${sort}: walked ${JSON.stringify(seen)}`);
          } catch (error) {
            // A view without a key (rows named by all their columns, NULLs included) cannot page
            // or open rows yet (issue 14): it must still answer in words, never a 500.
            if (resource.table.name !== 'zoo_view' || serverFault(error)) faults.push(`${resource.name} sort=${sort}: ${(error as Error).message}`);
          }
        }
      }
      const page = await listResource(admin, domain, resource, { cols, size: '10' });
      for (const row of page.rows) {
        try {
          await getRecord(admin, domain, resource, encodeRecordId(resource, row));
        } catch (error) {
          if (resource.table.name !== 'zoo_view' || serverFault(error))
            faults.push(`${resource.name} record ${encodeRecordId(resource, row)}: ${(error as Error).message}`);
        }
      }
      for (const format of ['csv', 'jsonl'] as const) {
        try {
          const text = await drain(await exportResource(admin, domain, resource, { cols }, format));
          if (format === 'jsonl') expect(text.trim().split('\n')).toHaveLength(3);
        } catch (error) {
          faults.push(`${resource.name} export ${format}: ${(error as Error).message}`);
        }
      }
    }
    expect(faults).toEqual([]);
  }, 120_000);

  it('saving the value a page shows back into its column changes nothing in the database, or is a field error', async () => {
    const faults: string[] = [];
    const refused = new Set<string>();
    const zoo = (await zooResources()).find((r) => r.table.name === 'zoo')!;
    const writable = zoo.columns.filter((c) => !c.readOnly && !zoo.primaryKey.includes(c.name));
    for (const id of ['1', '2']) {
      for (const column of writable) {
        const [before] = await query<{ v: string | null }>(domain, `SELECT "${column.name}"::text AS v FROM zoo WHERE id = $1`, [id]);
        const record = await getRecord(admin, domain, zoo, id);
        const shown = record.row[column.name];
        if (shown === null) continue; // NULL is not something a page shows to be typed back
        // The text as the page has it (json's own text, '' as empty text), or as the form shows it (arrays as lines or JSON, numbers).
        const typed = typeof shown === 'string' ? shown : toFormValue(column, shown);
        try {
          await updateRecord(admin, domain, zoo, id, { [column.name]: typed }, record.version!);
        } catch (error) {
          if (serverFault(error)) faults.push(`${column.name} (row ${id}) = ${JSON.stringify(typed)}: ${(error as Error).message}`);
          else if (!(error instanceof RecordValidationError)) faults.push(`${column.name} (row ${id}): ${(error as Error).message}`);
          else refused.add(column.name);
          continue;
        }
        const [after] = await query<{ v: string | null }>(domain, `SELECT "${column.name}"::text AS v FROM zoo WHERE id = $1`, [id]);
        if (after!.v !== before!.v) faults.push(`${column.name} (row ${id}): ${JSON.stringify(before!.v)} became ${JSON.stringify(after!.v)}`);
      }
    }
    expect(faults).toEqual([]);
    // Nothing is refused: arrays holding NULLs or several dimensions go back as JSON, empty text as empty text.
    expect([...refused].sort()).toEqual([]);
  }, 120_000);
});
