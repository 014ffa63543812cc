import type http from 'node:http';
import { createRequire } from 'node:module';

/**
 * Next.js reads the `Next-Router-State-Tree` header of a client navigation (the routes the
 * browser already has) and, when it cannot, fails the whole request with a bare 500. Its own
 * reader is asked first here, and a header it cannot read is answered 400 in words: browsers
 * running the hub's pages only ever send one Next.js wrote.
 */
const parseRouterState = (
  createRequire(import.meta.url)('next/dist/server/app-render/parse-and-validate-flight-router-state') as {
    parseAndValidateFlightRouterState: (header: string | string[] | undefined) => unknown;
  }
).parseAndValidateFlightRouterState;

/** Answers a request whose router state header Next.js could not read; returns true when it has. */
export function answerUnreadableRouterState(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const header = req.headers['next-router-state-tree'];
  if (header === undefined) return false;
  try {
    parseRouterState(header);
    return false;
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${(error as Error).message} Reload the page to continue.\n`);
    return true;
  }
}
