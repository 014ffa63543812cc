/**
 * The floor: the smallest Node http server that runs the same SQL as the hub through one
 * pg.Pool and answers the same JSON. No framework, no auth, no validation: what no Node web
 * app can beat. Routes and their statements arrive as JSON in FLOOR_ROUTES.
 */
import http from 'node:http';
import pg from 'pg';

type Statement = { text: string; values: unknown[] };
const routes = JSON.parse(process.env.FLOOR_ROUTES ?? '{}') as Record<string, Statement[]>;
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 });

const server = http.createServer(async (req, res) => {
  const statements = routes[req.url ?? ''];
  if (!statements) {
    res.writeHead(404).end();
    return;
  }
  try {
    const results = await Promise.all(statements.map((s) => pool.query(s.text, s.values)));
    const body = JSON.stringify({ rows: results[0]!.rows, count: results[1]?.rows[0] ?? null });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String((error as Error).message));
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`floor listening ${(server.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
