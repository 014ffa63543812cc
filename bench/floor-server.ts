/**
 * The floor: the smallest Node http server that runs the same SQL as the hub through one
 * pg.Pool and answers the same JSON. No framework, no auth, no validation: what no Node web
 * app can beat. Routes and their statements arrive as JSON in FLOOR_ROUTES.
 */
import http from 'node:http';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import Cursor from 'pg-cursor';

type Statement = { text: string; values: unknown[] };
const routes = JSON.parse(process.env.FLOOR_ROUTES ?? '{}') as Record<string, Statement[]>;
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 });

const exportStatement = process.env.FLOOR_EXPORT ? (JSON.parse(process.env.FLOOR_EXPORT) as Statement) : undefined;
/** A foreign key's labels, as the hub's list adds them: one lookup of the page's distinct values, after the rows. */
const labels = process.env.FLOOR_LABELS ? (JSON.parse(process.env.FLOOR_LABELS) as { column: string; text: string }) : undefined;

async function labelsOf(rows: Record<string, unknown>[]): Promise<Record<string, Record<string, unknown>> | undefined> {
  if (!labels) return undefined;
  const values = [
    ...new Set(
      rows
        .map((r) => r[labels.column])
        .filter((v) => v !== null && v !== undefined)
        .map(String),
    ),
  ];
  if (values.length === 0) return {};
  const { rows: found } = await pool.query<{ __key: string; label: unknown }>(labels.text, [values]);
  return { [labels.column]: Object.fromEntries(found.map((r) => [r.__key, r.label])) };
}

const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : v);

/** The floor's export: the same statement through a cursor, rows to CSV, nothing else (pg used directly, on purpose: this is the baseline). */
async function exportCsv(res: http.ServerResponse): Promise<void> {
  const client = await pool.connect();
  try {
    const cursor = client.query(new Cursor(exportStatement!.text, exportStatement!.values));
    res.writeHead(200, { 'content-type': 'text/csv' });
    let header = true;
    for (;;) {
      const rows = await cursor.read(1000);
      if (rows.length === 0) break;
      if (header) res.write(stringify([Object.keys(rows[0]!)]));
      header = false;
      const cells = rows.map((r) => Object.values(r as Record<string, unknown>).map(cell));
      if (!res.write(stringify(cells))) {
        await new Promise((r) => res.once('drain', r));
      }
    }
    await cursor.close();
    res.end();
  } finally {
    client.release();
  }
}

const server = http.createServer(async (req, res) => {
  if (req.url === '/export' && exportStatement) return void exportCsv(res).catch((e: Error) => res.destroy(e));
  const statements = routes[req.url ?? ''];
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  try {
    const results = await Promise.all(statements.map((s) => pool.query(s.text, s.values)));
    const body = JSON.stringify({ rows: results[0]!.rows, count: results[1]?.rows[0] ?? null, labels: await labelsOf(results[0]!.rows) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String((error as Error).message));
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`floor listening ${(server.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
