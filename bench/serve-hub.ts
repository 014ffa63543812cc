/**
 * `tsx bench/serve-hub.ts`: the bench's hub on its 1,000,000-row cluster, left running for
 * profiling by hand (curl, or BENCH_HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=.data/profiles').
 * Prints the URL and a signed-in editor's cookie; Ctrl-C stops both. Seed and build first
 * with `npm run bench` (BENCH_ROWS for a smaller table).
 */
import '../scripts/with-hub';
import { startBenchHub, startBenchPostgres } from './bench-hub';

const pgServer = await startBenchPostgres();
const hub = await startBenchHub(pgServer, Number(process.env.HUB_PORT ?? 3999));
hub.process.stdout?.pipe(process.stdout);
hub.process.stderr?.pipe(process.stderr);
console.log(`hub ${hub.url}\ncookie ${hub.cookie}`);
const stop = () =>
  void hub
    .stop()
    .then(() => pgServer.stop())
    .then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
