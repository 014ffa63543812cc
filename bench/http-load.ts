import { summarise } from './stats';

export type Get = (path: string) => Promise<void>;

/** A GET that reads the whole body and fails on a non-200, with the given headers. */
export function getter(base: string, headers: Record<string, string> = {}): Get {
  return async (path) => {
    const response = await fetch(base + path, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  };
}

/**
 * Two latencies measured turn about (a, b, a, b…) after warming both: on a shared machine the
 * load drifts over seconds, and measuring one case after the other lets that drift into the
 * ratio. Returns both summaries.
 */
export async function pairedLatency(a: { get: Get; path: string }, b: { get: Get; path: string }, runs: number) {
  const warmup = Math.max(20, Math.ceil(runs / 5));
  for (let i = 0; i < warmup; i++) {
    await a.get(a.path);
    await b.get(b.path);
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [side, out] of [
      [a, as],
      [b, bs],
    ] as const) {
      const started = performance.now();
      await side.get(side.path);
      out.push(performance.now() - started);
    }
  }
  return { a: summarise(as), b: summarise(bs) };
}

/** Requests per second with `clients` concurrent loops for `ms` milliseconds. */
export async function throughput(get: Get, path: string, clients: number, ms: number): Promise<number> {
  let done = 0;
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        await get(path);
        done++;
      }
    }),
  );
  return Math.round((done / ms) * 1000);
}
