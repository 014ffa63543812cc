import { measure, summarise } from './stats';

export type Get = (path: string) => Promise<void>;

/** A GET that reads the whole body and fails on a non-200, with the given headers. */
export function getter(base: string, headers: Record<string, string> = {}): Get {
  return async (path) => {
    const response = await fetch(base + path, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  };
}

export async function latency(get: Get, path: string, runs: number) {
  return summarise(await measure(() => get(path), runs));
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
