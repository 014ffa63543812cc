/**
 * The origin at which this process reaches its own HTTP server: the address it listens on,
 * or loopback when it listens on every interface. Used for the requests the server makes
 * to itself (Next.js renders a Server Action's redirect target by fetching it), so that such
 * a request can never leave for an address the hub does not own.
 */
export function selfOrigin(host: string, port: number): { hostname: string; origin: string } {
  const anyV4 = host === '0.0.0.0' || host === '';
  const anyV6 = host === '::' || host === '[::]';
  const hostname = anyV4 ? '127.0.0.1' : anyV6 ? '::1' : host.replace(/^\[(.*)\]$/, '$1');
  const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
  return { hostname, origin: `http://${shown}:${port}` };
}
