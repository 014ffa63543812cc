import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hub as adminHub } from '../../src/admin/hub';
import { demoWidgets } from '../../src/demo/widgets';
import { withClient } from '../support/databases';
import type { ResourceInfo, Targets } from './generators';

/**
 * What the fuzz suite aims at, found rather than listed: resources from the definitions of the
 * configured domains and, for the zero-config zoo domain, from its page and its catalog;
 * record ids and cursors from the running hub's own lists; Server Action ids from the build's
 * manifest; widgets from their definitions.
 */

const root = path.resolve(import.meta.dirname, '../..');

type ActionPage = Targets['actions'][string]['page'];

/** Which page holds an action, from the build's workers (the first match in this order). */
const PAGES: [RegExp, ActionPage][] = [
  [/\/d\/\[domain\]\/\[resource\]\/\[id\]\/page$/, 'record'],
  [/\/d\/\[domain\]\/\[resource\]\/new\/page$/, 'new'],
  [/\/d\/\[domain\]\/\[resource\]\/\(list\)\/page$/, 'list'],
  [/\/operators\/\[id\]\/page$/, 'operator'],
  [/\/operators\/new\/page$/, 'operators-new'],
  [/^app\/\(hub\)\/page$/, 'dashboard'],
  [/^app\/\(hub\)\/audit\/(\[domain\]\/)?page$/, 'audit'],
];

/** Server Action ids by exported name, from .next/server/server-reference-manifest.json. */
export function serverActions(): Targets['actions'] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  const out: Targets['actions'] = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    const workers = Object.keys(entry.workers);
    const page = PAGES.find(([pattern]) => workers.some((w) => pattern.test(w)))?.[1];
    if (!page) throw new Error(`the fuzz suite does not know where to post Server Action ${entry.exportedName} (workers: ${workers.join(', ')})`);
    out[entry.exportedName] = { id, page };
  }
  return out;
}

async function text(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  return response.text();
}

/** Up to `limit` record ids linked from a resource's list page (as the links spell them). */
async function linkedIds(base: string, cookie: string, domain: string, resource: string, limit = 4): Promise<string[]> {
  const html = await text(`${base}/d/${domain}/${resource}`, cookie);
  const pattern = new RegExp(`href="/d/${domain}/${resource}/([^"/?#]+)"`, 'g');
  const ids = new Set<string>();
  for (const m of html.matchAll(pattern)) if (m[1] !== 'new' && ids.size < limit) ids.add(m[1]!.replace(/&amp;/g, '&'));
  return [...ids];
}

/** Record ids from the JSON list's rows and the key columns (as encodeRecordId writes them), else from the list page's links. */
async function idsOf(base: string, cookie: string, domain: string, resource: string, key: readonly string[], limit = 4): Promise<string[]> {
  const response = await fetch(`${base}/api/d/${domain}/${resource}?size=${limit}`, { headers: { cookie } });
  const rows = response.status === 200 ? ((await response.json()) as { rows: Record<string, unknown>[] }).rows : [];
  const ids =
    key.length > 0 && rows.every((r) => key.every((k) => r[k] !== undefined && r[k] !== null))
      ? rows.map((r) => key.map((k) => encodeURIComponent(String(r[k]))).join(','))
      : [];
  return ids.length > 0 ? ids : linkedIds(base, cookie, domain, resource, limit);
}

/** The `next` and `previous` cursors of a resource's first pages, from the JSON list. */
async function cursorsOf(base: string, cookie: string, domain: string, resource: string): Promise<string[]> {
  const response = await fetch(`${base}/api/d/${domain}/${resource}?size=2`, { headers: { cookie } });
  if (response.status !== 200) return [];
  const first = (await response.json()) as { next?: string | null };
  if (!first.next) return [];
  const second = await fetch(`${base}/api/d/${domain}/${resource}?size=2&after=${encodeURIComponent(first.next)}`, { headers: { cookie } });
  const page = second.status === 200 ? ((await second.json()) as { next?: string | null; previous?: string | null }) : {};
  return [first.next, page.next, page.previous].filter((c): c is string => typeof c === 'string');
}

export async function discoverTargets(options: {
  base: string;
  superadminCookie: string;
  domains: string[];
  zooUrl: string;
  hubDatabaseUrl: string;
  targetOperatorEmails: string[];
}): Promise<Targets> {
  const { base, superadminCookie: cookie } = options;
  const resources: (Omit<ResourceInfo, 'ids' | 'cursors'> & { key: readonly string[] })[] = adminHub.resources
    .filter((d) => options.domains.includes(d.domain))
    .map((d) => ({
      domain: d.domain,
      name: d.name,
      key: 'keyless' in d && d.keyless ? [] : ('primaryKey' in d && d.primaryKey) || ['id'],
      columns: (d.columns ?? []).map((c) => c.name), // an overlay definition may name none: the catalog gives the rest
      customActions: Object.keys(('actions' in d && d.actions) || {}),
      internalActions: Object.keys(('internalActions' in d && d.internalActions) || {}),
    }));

  // The zoo has no definitions: its resources are what its page links to, its columns what its catalog says.
  const zooPage = await text(`${base}/d/zoo`, cookie);
  const zooNames = [...new Set([...zooPage.matchAll(/href="\/d\/zoo\/([a-z0-9_-]+)"/g)].map((m) => m[1]!))];
  if (zooNames.length < 5) throw new Error(`the zoo domain page links to too few resources (${zooNames.join(', ')}): introspection changed?`);
  const [zooColumns, zooKeys] = await withClient(options.zooUrl, async (client) => {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      "SELECT c.relname AS table_name, a.attname AS column_name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum",
    );
    const keys = await client.query<{ table_name: string; key: string[] }>(
      "SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS key FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid CROSS JOIN unnest(p.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE p.contype = 'p' GROUP BY c.relname",
    );
    return [columns.rows, new Map(keys.rows.map((r) => [r.table_name, r.key]))] as const;
  });
  const allZooColumns = [...new Set(zooColumns.map((r) => r.column_name))];
  for (const name of zooNames) {
    const table = name.replace(/-/g, '_');
    const own = zooColumns.filter((r) => r.table_name === table).map((r) => r.column_name);
    resources.push({
      domain: 'zoo',
      name,
      key: zooKeys.get(table) ?? [],
      columns: own.length > 0 ? own : allZooColumns,
      customActions: [],
      internalActions: [],
    });
  }

  const withRows: ResourceInfo[] = [];
  for (const { key, ...r } of resources) {
    const [ids, cursors] = await Promise.all([idsOf(base, cookie, r.domain, r.name, key), cursorsOf(base, cookie, r.domain, r.name)]);
    withRows.push({ ...r, ids, cursors });
  }

  const hub = await withClient(options.hubDatabaseUrl, async (client) => {
    const users = await client.query<{ id: string; email: string }>('SELECT id, email FROM hub_user WHERE email = ANY($1) ORDER BY email', [
      options.targetOperatorEmails,
    ]);
    const sessions = await client.query<{ id: string }>('SELECT id FROM hub_session WHERE "userId" = ANY($1) ORDER BY id', [users.rows.map((u) => u.id)]);
    const audit = await client.query<{ id: string }>('SELECT id::text FROM hub_audit ORDER BY id DESC LIMIT 5');
    return { users: users.rows, sessions: sessions.rows.map((s) => s.id), audit: audit.rows.map((a) => a.id) };
  });

  return {
    origin: base,
    domains: options.domains,
    resources: withRows,
    actions: serverActions(),
    widgetIds: demoWidgets.map((w) => w.id),
    operatorIds: hub.users.map((u) => u.id),
    operatorEmails: hub.users.map((u) => u.email),
    sessionIds: hub.sessions,
    auditIds: [...hub.audit, '1', '0'],
  };
}
