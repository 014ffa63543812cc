import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The hub's memory as the operating system sees it: the resident set (VmRSS) of its process
 * and of any process it started (summed over the tree), in MB. Linux only (/proc); elsewhere 0.
 */
export function treePids(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone, or no /proc
    }
  }
  return pids;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident MB of the process and its descendants. */
export const rssMb = (pid: number) => treePids(pid).reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0);

/**
 * Samples the tree's RSS every `everyMs` until stopped; the peak is the larger of the samples
 * and the kernel's high-water mark (VmHWM, reset when sampling starts so earlier phases do not count).
 */
export function peakSampler(pid: number, everyMs = 50): { stop(): number } {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // 5: reset the peak RSS (VmHWM) to the current RSS
  } catch {
    // not Linux, or not allowed: the samples alone
  }
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      const others = treePids(pid)
        .slice(1)
        .reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0);
      return Math.max(peak, rssMb(pid), statusField(pid, 'VmHWM') + others);
    },
  };
}

/** Polls the tree's RSS every 250 ms for up to `maxMs` until it is under `belowMb`: the value and when. */
export async function coolDown(pid: number, belowMb: number, maxMs: number): Promise<{ mb: number; seconds: number; under: boolean }> {
  const started = performance.now();
  for (;;) {
    const mb = rssMb(pid);
    const seconds = (performance.now() - started) / 1000;
    if (mb < belowMb) return { mb, seconds, under: true };
    if (seconds * 1000 >= maxMs) return { mb, seconds, under: false };
    await new Promise((r) => setTimeout(r, 250));
  }
}
