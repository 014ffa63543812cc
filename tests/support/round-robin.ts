import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The smallest load balancer: each request goes to the next instance in turn, with its headers
 * (Host too, so every instance sees the address operators use) and body as they came. A test
 * pins a request to one instance with `x-test-instance: <index>`. `served` lists which
 * instance answered each request, in order.
 */
export interface RoundRobin {
  url: string;
  /** The instances' own addresses, filled in once they run (the balancer's address is their HUB_URL). */
  targets: string[];
  served: number[];
  close(): Promise<void>;
}

export async function roundRobin(): Promise<RoundRobin> {
  const targets: string[] = [];
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const pinned = req.headers['x-test-instance'];
    const index = pinned === undefined ? next++ % targets.length : Number(pinned);
    const target = new URL(targets[index]!);
    served.push(index);
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      // An instance that dies mid-answer cuts the client's answer too (pipe alone would leave it open).
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
      });
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`instance ${index}: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
