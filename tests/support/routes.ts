import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOOR_PATHS, DOORS, type Answerer } from '../../src/engine/http/doors';
import { BUILD_BUSY, buildApp, isBuildStale } from '../../src/engine/lifecycle/build';
import { startHub, type RunningHub } from './hub-server';

const root = path.resolve(import.meta.dirname, '../..');
export const APP_DIR = path.join(root, 'src/app');

/** A page (`page.tsx`: HTML, the proxy's sign-in redirect) or a handler (a `route.ts` or a server door: JSON, 401s). */
export type RouteKind = 'page' | 'handler';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DiscoveredRoute {
  /** The URL pattern as Next.js and the table of doors (src/engine/http/doors.ts) spell it: `/d/[domain]/[resource]`, `/api/auth/[...all]`. */
  pattern: string;
  kind: RouteKind;
  /** Who answers it, as found: a `page.*` is `next-page`, a `route.*` `next-route`, a server row of the table `server`. */
  answeredBy: Answerer;
  /** The file that defines it, relative to the repository root. */
  file: string;
  /** For a handler, the HTTP methods its file exports (`export async function GET`, `export const POST`). */
  methods: HttpMethod[];
}

function exportedMethods(file: string): HttpMethod[] {
  const source = readFileSync(file, 'utf8');
  return HTTP_METHODS.filter((m) =>
    new RegExp(`export\\s+(async\\s+)?(function\\s+|const\\s+|let\\s+)${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source),
  );
}

const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/;

/**
 * Every route of the App Router, read from the file system so a route added later is found
 * without touching the tests: each `page.*` and `route.*` under src/app. Route groups `(hub)`
 * and parallel-route slots `@slot` add nothing to the URL; private folders `_x` and
 * intercepting routes `(.)x` are not routes of their own and are skipped.
 */
export function discoverRoutes(appDir = APP_DIR): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith('_') || /^\(\.{1,3}\)/.test(name)) continue;
        const groupOrSlot = (name.startsWith('(') && name.endsWith(')')) || name.startsWith('@');
        walk(full, groupOrSlot ? segments : [...segments, name]);
        continue;
      }
      const match = ROUTE_FILE.exec(entry.name);
      if (!match) continue;
      const kind: RouteKind = match[1] === 'page' ? 'page' : 'handler';
      found.push({
        pattern: `/${segments.join('/')}`,
        kind,
        answeredBy: kind === 'page' ? 'next-page' : 'next-route',
        file: path.relative(root, full),
        methods: kind === 'page' ? ['GET'] : exportedMethods(full),
      });
    }
  };
  walk(appDir, []);
  // A parallel-route slot's page shares its parent's URL: one route.
  const unique = [...new Map(found.map((r) => [r.pattern, r] as const)).values()];
  return unique.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The file of the hub server's own doors (the `server` rows of the table of doors). */
export const SERVER_DOORS_FILE = 'src/engine/http/server-doors.ts';

/** The paths the hub's own server answers before Next.js, from the table of doors: JSON handlers of GET. */
export function serverDoors(): DiscoveredRoute[] {
  return DOOR_PATHS.filter((p) => DOORS[p].answeredBy === 'server').map((pattern) => ({
    pattern,
    kind: 'handler' as const,
    answeredBy: 'server' as const,
    file: SERVER_DOORS_FILE,
    methods: ['GET' as const],
  }));
}

/**
 * Every door of the hub: the route files under src/app and the server's own doors. A path
 * answered by both would come twice (the access-matrix test fails on that).
 */
export function discoverDoors(appDir = APP_DIR): DiscoveredRoute[] {
  return [...discoverRoutes(appDir), ...serverDoors()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A dynamic segment of a pattern: `[domain]`, `[...all]`, `[[...slug]]`. */
export interface DynamicSegment {
  name: string;
  catchAll: boolean;
  optional: boolean;
}

export function dynamicSegment(segment: string): DynamicSegment | undefined {
  const match = /^\[(\[)?(\.\.\.)?([^\]]+)\]?\]$/.exec(segment);
  if (!match) return undefined;
  return { name: match[3]!, catchAll: match[2] !== undefined, optional: match[1] !== undefined };
}

export function dynamicSegmentsOf(pattern: string): DynamicSegment[] {
  return pattern.split('/').flatMap((s) => dynamicSegment(s) ?? []);
}

export interface ExpandedRoute {
  pattern: string;
  /** A concrete path for the pattern. */
  path: string;
  /** The value given to each dynamic segment (a catch-all's segments joined by `/`). */
  params: Record<string, string>;
}

/**
 * Every concrete path of a pattern: `fill` gives the values of each dynamic segment, knowing
 * the ones already chosen to its left (a resource depends on its domain). Values go into the
 * path as given (already URL-encoded; a catch-all's may contain `/`).
 */
export function expandRoute(pattern: string, fill: (segment: DynamicSegment, params: Record<string, string>) => string[]): ExpandedRoute[] {
  const segments = pattern.split('/').filter(Boolean);
  const out: ExpandedRoute[] = [];
  const step = (index: number, parts: string[], params: Record<string, string>) => {
    if (index === segments.length) {
      out.push({ pattern, path: `/${parts.join('/')}`, params });
      return;
    }
    const segment = segments[index]!;
    const dynamic = dynamicSegment(segment);
    if (!dynamic) return step(index + 1, [...parts, segment], params);
    for (const value of fill(dynamic, params)) {
      step(index + 1, value === '' ? parts : [...parts, value], { ...params, [dynamic.name]: value });
    }
  };
  step(0, [], {});
  return out;
}

// ---------------------------------------------------------------------------------------
// Serving those routes: the production build, then the hub.

/**
 * Builds the app when it is stale, one process at a time: buildApp holds the checkout's build
 * lock (shared with `npm start` and every test process) and waits out a build Next reports as
 * already running elsewhere.
 */
export async function buildAppOnce(): Promise<void> {
  while (isBuildStale(root)) await buildApp(root, { skipTypecheck: true, onProgress: () => undefined });
}

/**
 * startHub on a fresh build. The hub's start script rebuilds a build that went stale in the
 * meantime (someone saved a source file) and exits when another build holds .next; then the
 * build is brought up to date again and the hub started anew, a few times at most.
 */
export async function startHubWhenBuilt(options: Parameters<typeof startHub>[0], attempts = 5): Promise<RunningHub> {
  for (let attempt = 1; ; attempt++) {
    await buildAppOnce();
    try {
      return await startHub(options);
    } catch (error) {
      if (attempt >= attempts || !String(error).includes(BUILD_BUSY)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}
