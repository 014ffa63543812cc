import net from 'node:net';
import type { Operator } from '../../src/engine/auth/operator';
import type { DomainRole } from '../../src/engine/auth/roles';
import { seedBlog, seedMarket } from '../../src/demo/embedded/seed';
import { createTestDatabase, withClient, type TestDatabase } from '../support/databases';

export function operatorWith(roles: Record<string, DomainRole>, email = 'someone@test.local'): Operator {
  return { id: `test:${email}`, email, name: email, superadmin: false, roles, sessionId: undefined };
}

export interface DemoDatabases {
  hub: TestDatabase;
  blog: TestDatabase;
  market: TestDatabase;
  drop(): Promise<void>;
}

/** A fresh hub database and the two demo domains, seeded (3,000 orders), on the test server. */
export async function createDemoDatabases(prefix: string): Promise<DemoDatabases> {
  const [hub, blog, market] = await Promise.all([
    createTestDatabase(`${prefix}_hub`),
    createTestDatabase(`${prefix}_blog`),
    createTestDatabase(`${prefix}_market`),
  ]);
  await Promise.all([withClient(blog.url, (c) => seedBlog(c)), withClient(market.url, (c) => seedMarket(c, { orders: 3000 }))]);
  return { hub, blog, market, drop: async () => void (await Promise.all([hub.drop(), blog.drop(), market.drop()])) };
}

/** A server that accepts TCP connections and never answers: the worst kind of "down". */
export async function silentServer(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
