import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMarket } from '../../src/demo/embedded/seed';
import { resourceAsSeenBy } from '../../src/engine/auth/access';
import type { Operator } from '../../src/engine/auth/operator';
import { RowScopeError } from '../../src/engine/auth/row-scope';
import { recordHistory } from '../../src/engine/audit/history';
import { flushAuditSettlement } from '../../src/engine/audit/record';
import type { DomainName } from '../../src/engine/config/current';
import { exportResource } from '../../src/engine/export/export-resource';
import { migrateHubDatabase } from '../../src/engine/hub-db/migrate';
import { toHttpError } from '../../src/engine/http/errors';
import { listResource } from '../../src/engine/list/run-list';
import { countMatching, runBulk } from '../../src/engine/records/bulk';
import { RecordNotFoundError, RecordValidationError } from '../../src/engine/records/errors';
import { getRecord, referencedBy } from '../../src/engine/records/read-record';
import { labelsByKey } from '../../src/engine/records/reference-labels';
import { createRecord, hardDeleteRecord, softDeleteRecord, updateRecord } from '../../src/engine/records/write-record';
import { resolveResource, ResourceDefinitionError, toClientResource } from '../../src/engine/resources/define';
import { linkReferences } from '../../src/engine/resources/link-references';
import { findResource } from '../../src/engine/resources/registry';
import type { Resource } from '../../src/engine/resources/types';
import { searchEverywhere } from '../../src/engine/search/search-all';
import { adminQuery, createTestDatabase, targetFromUrl, withClient, type TestDatabase } from '../support/databases';
import { drain } from '../support/export';
import { installConfig, resetEngine, superadmin } from '../support/engine';

/**
 * Row scopes (ResourceDef.scope): the demo's market customers are scoped for
 * regional@demo.local to the countries DE and AT. Every engine path that reads or writes
 * customers is asked as that operator (as a viewer, and with the same email as an admin, since
 * the demo's scope follows the email) and must see, count, export, find, label and change only
 * those rows; a row outside is "not found", a write that would leave the scope is refused.
 */
let market: TestDatabase;
let hub: TestDatabase;
const domain = 'market' as DomainName;
const IN_SCOPE = ['DE', 'AT'];
const regional: Operator = {
  id: 'regional',
  email: 'regional@demo.local',
  name: 'Regional',
  superadmin: false,
  roles: { market: 'viewer' },
  sessionId: undefined,
};
const regionalAdmin: Operator = { ...regional, id: 'regional-admin', roles: { market: 'admin' } };
let customers: Resource;
let orders: Resource;
/** A live customer of DE and one of FR (outside the scope), by id. */
let inside: string;
let outside: string;

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(text, params, market.url);
const countWhere = async (where: string, params: unknown[] = []) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM customers WHERE ${where}`, params))[0]!.n);
const countryOf = async (id: string) => (await sql<{ country: string }>('SELECT country FROM customers WHERE id = $1', [id]))[0]?.country;
/** The HTTP status an engine call's error maps to (404 / 400 / 403 …). */
async function statusOf(work: () => Promise<unknown>): Promise<number> {
  try {
    await work();
  } catch (error) {
    return toHttpError(error).status;
  }
  return 200;
}

beforeAll(async () => {
  market = await createTestDatabase('scope_market');
  await withClient(market.url, (c) => seedMarket(c, { orders: 400 }));
  hub = await createTestDatabase('scope_hub');
  installConfig(targetFromUrl('hub', hub.url), [targetFromUrl('market', market.url)]);
  await migrateHubDatabase();
  ({ resource: customers } = await findResource('market', 'customers'));
  ({ resource: orders } = await findResource('market', 'orders'));
  inside = (await sql<{ id: string }>(`SELECT id::text FROM customers WHERE country = 'DE' AND deleted_at IS NULL ORDER BY id LIMIT 1`))[0]!.id;
  outside = (await sql<{ id: string }>(`SELECT id::text FROM customers WHERE country = 'FR' AND deleted_at IS NULL ORDER BY id LIMIT 1`))[0]!.id;
}, 120_000);
afterAll(async () => {
  await resetEngine();
  await Promise.all([market?.drop(), hub?.drop()]);
});

describe("the demo's regional viewer (customers of DE and AT)", () => {
  it('lists and counts only the rows of the scope, exactly (never the table estimate); superadmins are not scoped', async () => {
    const expected = await countWhere('country = ANY($1) AND deleted_at IS NULL', [IN_SCOPE]);
    const all = await countWhere('deleted_at IS NULL');
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);
    const page = await listResource(regional, domain, customers, { size: '500' });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(new Set(page.rows.map((r) => r.country))).toEqual(new Set(IN_SCOPE));
    expect(page.count).toMatchObject({ value: expected, exact: true });
    // A filter for a country outside the scope finds nothing, even with count=exact.
    const french = await listResource(regional, domain, customers, { 'f.country': 'FR', count: 'exact' });
    expect(french.rows).toEqual([]);
    expect(french.count.value).toBe(0);
    // Paging by cursor stays inside the scope.
    const next = await listResource(regional, domain, customers, { size: '500', after: page.next! });
    expect(next.rows.every((r) => IN_SCOPE.includes(r.country as string))).toBe(true);
    const everyone = await listResource(superadmin, domain, customers, { count: 'exact' });
    expect(everyone.count.value).toBe(all);
  });

  it('answers a record outside the scope with a 404 like a missing one (read, history), and shows one inside', async () => {
    expect((await getRecord(regional, domain, customers, inside)).row.country).toBe('DE');
    await expect(getRecord(regional, domain, customers, outside)).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await statusOf(() => getRecord(regional, domain, customers, outside))).toBe(404);
    expect(await statusOf(() => getRecord(regional, domain, customers, '999999999'))).toBe(404);
    expect(await statusOf(() => recordHistory(regional, customers, outside))).toBe(404);
    expect(await recordHistory(regional, customers, inside)).toEqual([]);
    // The superadmin sees the French customer.
    expect((await getRecord(superadmin, domain, customers, outside)).row.country).toBe('FR');
  });

  it('refuses update, soft delete and hard delete of a row outside the scope with a 404, and changes nothing', async () => {
    const { version } = await getRecord(superadmin, domain, customers, outside);
    expect(await statusOf(() => updateRecord(regionalAdmin, domain, customers, outside, { full_name: 'Taken over' }, version!))).toBe(404);
    expect(await statusOf(() => softDeleteRecord(regionalAdmin, domain, customers, outside))).toBe(404);
    expect(await statusOf(() => hardDeleteRecord(regionalAdmin, domain, customers, outside, outside))).toBe(404);
    const [row] = await sql<{ full_name: string; deleted_at: Date | null }>('SELECT full_name, deleted_at FROM customers WHERE id = $1', [outside]);
    expect(row!.full_name).not.toBe('Taken over');
    expect(row!.deleted_at).toBeNull();
  });

  it('refuses a create outside the scope and an update that would move a row out of it, on the field, in words; saves inside', async () => {
    const refused = await createRecord(regionalAdmin, domain, customers, { full_name: 'Jean Dupont', email: 'jean.scope@example.fr', country: 'FR' }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(RecordValidationError);
    expect(toHttpError(refused).status).toBe(400);
    expect((refused as RecordValidationError).fieldErrors.country).toMatch(/^Country must be one of DE, AT: .*nothing was saved/);
    expect(await countWhere('email = $1', ['jean.scope@example.fr'])).toBe(0);

    const created = await createRecord(regionalAdmin, domain, customers, { full_name: 'Jana Novak', email: 'jana.scope@example.at', country: 'AT' });
    expect(created.row.country).toBe('AT');

    const { version } = await getRecord(regionalAdmin, domain, customers, inside);
    const moved = await updateRecord(regionalAdmin, domain, customers, inside, { country: 'FR' }, version!).catch((e) => e);
    expect(moved).toBeInstanceOf(RecordValidationError);
    expect((moved as RecordValidationError).fieldErrors).toEqual({ country: expect.stringMatching(/^Country must be one of DE, AT/) });
    expect(await countryOf(inside)).toBe('DE');
    // An update that stays inside is saved.
    const kept = await updateRecord(regionalAdmin, domain, customers, inside, { country: 'AT' }, version!);
    expect(kept.row.country).toBe('AT');
    await flushAuditSettlement();
    // The superadmin may still move it anywhere.
    await updateRecord(superadmin, domain, customers, inside, { country: 'DE' }, kept.version!);
    expect(await countryOf(inside)).toBe('DE');
  });

  it('exports only the rows of the scope', async () => {
    const text = await drain(await exportResource(regional, domain, customers, { cols: 'id,country' }, 'jsonl'));
    const rows = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; country: string });
    expect(rows.length).toBe(await countWhere('country = ANY($1) AND deleted_at IS NULL', [IN_SCOPE]));
    expect(rows.every((r) => IN_SCOPE.includes(r.country))).toBe(true);
    expect(rows.some((r) => r.id === outside)).toBe(false);
  });

  it('counts and runs bulk actions on the scope only: "all matching" and selected ids alike', async () => {
    // Customers with orders: a few hundred in all, some of them in DE or AT.
    const matching = { 'has.orders': 'true' };
    const inScope = await countWhere('country = ANY($1) AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id)', [
      IN_SCOPE,
    ]);
    const everywhere = await countWhere('deleted_at IS NULL AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id)');
    expect(inScope).toBeGreaterThan(0);
    expect(inScope).toBeLessThan(everywhere);
    expect(await countMatching(regionalAdmin, domain, customers, matching)).toBe(inScope);
    expect(await countMatching(superadmin, domain, customers, matching)).toBe(everywhere);

    await sql('UPDATE customers SET vip = false');
    const all = await runBulk(regionalAdmin, domain, customers, { kind: 'set', field: 'vip', value: 'true' }, { matching, confirmedCount: inScope });
    expect(all).toMatchObject({ done: inScope, failed: [] });
    expect(await countWhere('vip')).toBe(inScope);
    expect(await countWhere('vip AND NOT (country = ANY($1))', [IN_SCOPE])).toBe(0);

    // Selected ids: the one outside the scope is not found; the other is done.
    await sql('UPDATE customers SET vip = false');
    const byIds = await runBulk(regionalAdmin, domain, customers, { kind: 'set', field: 'vip', value: 'true' }, { ids: [inside, outside] });
    expect(byIds.done).toBe(1);
    expect(byIds.failed).toEqual([{ id: outside, reason: expect.stringMatching(/does not exist/) }]);
    expect((await sql<{ id: string }>('SELECT id::text FROM customers WHERE vip')).map((r) => r.id)).toEqual([inside]);
  });

  it('finds only customers of the scope in search across domains', async () => {
    const term = 'an';
    const hitsOf = async (operator: Operator) => {
      const [results] = await searchEverywhere(operator, term, { perResource: 50 });
      expect(results!.status).toBe('ok');
      return results!.groups.find((g) => g.resource === 'customers')?.hits.map((h) => h.id) ?? [];
    };
    const scoped = await hitsOf(regional);
    expect(scoped.length).toBeGreaterThan(0);
    const countries = await sql<{ country: string }>('SELECT DISTINCT country FROM customers WHERE id = ANY($1::bigint[])', [scoped]);
    expect(countries.map((c) => c.country).every((c) => IN_SCOPE.includes(c))).toBe(true);
    // The same term finds customers of other countries for the superadmin: the scope did the filtering.
    const everyone = await hitsOf(superadmin);
    const theirs = await sql<{ country: string }>('SELECT DISTINCT country FROM customers WHERE id = ANY($1::bigint[])', [everyone]);
    expect(theirs.some((c) => !IN_SCOPE.includes(c.country))).toBe(true);
  });

  it('labels references to customers of the scope only (lists of orders, pickers), and hands the browser no scope', async () => {
    expect(await labelsByKey(regional, domain, customers, 'id', [inside, outside])).toEqual({ [inside]: expect.any(String) });
    expect(Object.keys(await labelsByKey(superadmin, domain, customers, 'id', [inside, outside])).sort()).toEqual([inside, outside].sort());
    const page = await listResource(regional, domain, orders, { size: '200' });
    const labelled = Object.keys(page.labels!.customer_id!);
    expect(labelled.length).toBeGreaterThan(0);
    const labelledCountries = await sql<{ country: string }>('SELECT DISTINCT country FROM customers WHERE id = ANY($1::bigint[])', [labelled]);
    expect(labelledCountries.every((c) => IN_SCOPE.includes(c.country))).toBe(true);
    const unlabelled = page.rows.map((r) => String(r.customer_id)).filter((id) => !labelled.includes(id));
    expect(unlabelled.length).toBeGreaterThan(0); // orders of customers outside the scope stay visible, named by id only
    // The picker is the customers' list API: scoped like the list.
    const picker = await listResource(regional, domain, customers, { q: 'a', size: '50' });
    expect(picker.rows.every((r) => IN_SCOPE.includes(r.country as string))).toBe(true);

    const client = toClientResource(resourceAsSeenBy(regional, customers));
    expect(client.rowScope).toBeUndefined();
    expect(client.scope).toEqual([]);
    expect(JSON.stringify(client)).not.toContain('"AT"');
  });
});

describe('row scopes of a definition of its own (equals, several conditions, referrers, estimates)', () => {
  const paidOnly: Operator = { id: 'paid', email: 'paid@t', name: 'Paid', superadmin: false, roles: { market: 'admin' }, sessionId: undefined };
  const cust = resolveResource({
    domain: 'market',
    name: 'cust',
    table: 'customers',
    title: 'Customers',
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'full_name', type: 'text', nullable: false },
      { name: 'email', type: 'email', nullable: false },
      { name: 'country', type: 'text', nullable: false },
    ],
  });
  const ord = resolveResource({
    domain: 'market',
    name: 'ord',
    table: 'orders',
    title: 'Orders',
    exactCountBelow: 10, // the unscoped list shows the planner's estimate
    scope: (operator) =>
      operator.email === 'paid@t' ? [{ column: 'status', equals: 'paid' }] : operator.email === 'none@t' ? { column: 'status', in: [] } : undefined,
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'customer_id', type: 'bigint', references: { resource: 'cust' }, nullable: false },
      { name: 'status', type: 'enum', options: ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'], nullable: false },
      { name: 'total_cents', type: 'money_cents', nullable: false },
      { name: 'item_count', type: 'integer', nullable: false },
    ],
  });
  linkReferences([cust, ord]);
  const paidCount = async (where = 'true', params: unknown[] = []) =>
    Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status = 'paid' AND ${where}`, params))[0]!.n);

  it('counts the scope exactly where the unscoped list shows the estimate', async () => {
    await sql('ANALYZE orders');
    const unscoped = await listResource(superadmin, domain, ord, {});
    expect(unscoped.count.exact).toBe(false);
    expect(unscoped.count.label).toMatch(/^about /);
    const scoped = await listResource(paidOnly, domain, ord, { size: '500' });
    expect(scoped.count).toMatchObject({ value: await paidCount(), exact: true });
    expect(scoped.rows.every((r) => r.status === 'paid')).toBe(true);
    // An empty `in` list: no row at all.
    const none = await listResource({ ...paidOnly, email: 'none@t' }, domain, ord, {});
    expect(none.rows).toEqual([]);
    expect(none.count.value).toBe(0);
  });

  it('counts related rows within the referrer\'s scope: "Referenced by" and the has.* filter', async () => {
    const [customer] = await sql<{ customer_id: string; all: string; paid: string }>(
      `SELECT customer_id::text, count(*)::text AS all, count(*) FILTER (WHERE status = 'paid')::text AS paid FROM orders
        GROUP BY customer_id HAVING count(*) FILTER (WHERE status <> 'paid') > 0 ORDER BY count(*) DESC LIMIT 1`,
    );
    const row = { id: customer!.customer_id };
    const counted = async (operator: Operator) =>
      (await referencedBy(operator, domain, cust, row, [cust, ord])).find((r) => r.resource.name === 'ord')?.count ?? 0;
    expect(await counted(superadmin)).toBe(Number(customer!.all));
    expect(await counted(paidOnly)).toBe(Number(customer!.paid));

    const withPaid = Number(
      (
        await sql<{ n: string }>(`SELECT count(*) AS n FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid')`)
      )[0]!.n,
    );
    const withAny = Number(
      (await sql<{ n: string }>(`SELECT count(*) AS n FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)`))[0]!.n,
    );
    expect(withPaid).toBeLessThan(withAny);
    expect((await listResource(paidOnly, domain, cust, { 'has.ord': 'true', count: 'exact' })).count.value).toBe(withPaid);
    expect((await listResource(superadmin, domain, cust, { 'has.ord': 'true', count: 'exact' })).count.value).toBe(withAny);
  });

  it('ANDs several conditions, each value a parameter compared in the column type', async () => {
    const both = resolveResource({
      ...ordDef(),
      scope: () => [
        { column: 'status', equals: 'paid' },
        { column: 'item_count', in: [1, 2] },
      ],
    });
    const page = await listResource(superadmin, domain, both, { size: '500', count: 'exact' });
    expect(page.count.value).toBe(await paidCount('item_count = ANY($1)', [[1, 2]]));
    expect(page.rows.every((r) => r.status === 'paid' && [1, 2].includes(r.item_count as number))).toBe(true);
    // A hostile value is only ever a value.
    const hostile = resolveResource({ ...ordDef(), scope: () => ({ column: 'currency', in: ["EUR' OR true --", 'EUR" OR true --'] }) });
    const none = await listResource(superadmin, domain, hostile, { count: 'exact' });
    expect(none.rows).toEqual([]);
    expect(none.count.value).toBe(0);
  });

  it('fails closed on a scope naming no column or holding a bad value, and refuses a scope that is not a function at start', async () => {
    const unknown = resolveResource({ ...ordDef(), scope: () => ({ column: 'region', equals: 'EU' }) });
    await expect(listResource(superadmin, domain, unknown, {})).rejects.toThrow(RowScopeError);
    await expect(listResource(superadmin, domain, unknown, {})).rejects.toThrow(/"region" is not a column of Orders/);
    await expect(getRecord(superadmin, domain, unknown, '1')).rejects.toThrow(RowScopeError);
    const bad = resolveResource({ ...ordDef(), scope: () => ({ column: 'status', in: [null as unknown as string] }) });
    await expect(listResource(superadmin, domain, bad, {})).rejects.toThrow(/must be a string, a finite number or a boolean/);
    expect(() => resolveResource({ ...ordDef(), scope: { column: 'status', equals: 'paid' } as never })).toThrow(ResourceDefinitionError);
  });

  function ordDef() {
    return {
      domain: 'market',
      name: 'ord2',
      table: 'orders',
      title: 'Orders',
      columns: [
        { name: 'id', type: 'bigint', readOnly: true },
        { name: 'status', type: 'enum', options: ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'], nullable: false },
        { name: 'item_count', type: 'integer', nullable: false },
        { name: 'currency', type: 'text', nullable: false },
      ],
    } as const;
  }
});
