import { KNOWN_OPEN } from './known-open';
import { findLeak } from './oracle';
import { asCurl, send, type FuzzAnswer, type FuzzRequest } from './send';

/**
 * Sends a phase's requests a few at a time and judges each answer: a status below 500, no
 * hidden server error in a 200 (a Server Action's "Something went wrong" state, Next.js's
 * error page), no leak in the body, and an answer within the time limit.
 */

export interface Failure {
  index: number;
  request: FuzzRequest;
  answer: FuzzAnswer;
  problem: string;
  /** The KNOWN_OPEN entry it matches, if any (counted, not failed). */
  knownOpen?: string;
}

export interface PhaseResult {
  sent: number;
  statuses: Record<string, number>;
  routes: Record<string, number>;
  failures: Failure[];
  knownOpen: Failure[];
  /** Requests node:http would not put on the wire as generated (none expected; counted to be sure). */
  unsendable: number;
  slowest: { ms: number; request: string }[];
  ms: number;
  /** Error references the hub's answers carried, to match with its log. */
  references: Map<string, number>;
}

/** A server error answered with 200: the hub's own "unexpected error" words, or Next.js's error page. */
const HIDDEN_SERVER_ERROR =
  /Something went wrong on the server \(reference [a-z0-9]+\)|Application error: a server-side exception has occurred|"digest":"[a-z0-9]+"|\bInternal Server Error\b/;
const REFERENCE = /Something went wrong on the server \(reference ([a-z0-9]+)\)/g;

function problemOf(request: FuzzRequest, answer: FuzzAnswer, timeLimitMs: number): string | undefined {
  if (answer.error) return answer.error;
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.ms > timeLimitMs) return `answered in ${answer.ms} ms (limit ${timeLimitMs} ms)`;
  const hidden = HIDDEN_SERVER_ERROR.exec(answer.body);
  if (hidden) return `a server error behind status ${answer.status}: "${hidden[0]}"`;
  const leak = findLeak(answer.body, request.sent);
  if (leak) return `leaks ${leak.kind}: …${leak.excerpt}…`;
  return undefined;
}

export async function runPhase(
  base: string,
  requests: readonly FuzzRequest[],
  options: { concurrency: number; timeLimitMs: number; only?: number; trace?: (line: string) => void },
): Promise<PhaseResult> {
  const result: PhaseResult = { sent: 0, statuses: {}, routes: {}, failures: [], knownOpen: [], unsendable: 0, slowest: [], ms: 0, references: new Map() };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= requests.length) return;
      if (options.only !== undefined && index !== options.only) continue;
      const request = requests[index]!;
      // A little over the limit: the limit is judged on the answer's time, the timer only ends a hung request.
      const answer = await send(base, request, options.timeLimitMs + 1_000);
      if (answer.error?.startsWith('not sendable')) {
        result.unsendable++;
        continue;
      }
      result.sent++;
      const status = answer.error ? 'no answer' : String(answer.status);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      result.routes[request.route] = (result.routes[request.route] ?? 0) + 1;
      for (const m of answer.body.matchAll(REFERENCE)) result.references.set(m[1]!, index);
      result.slowest.push({ ms: answer.ms, request: `${request.method} ${request.path.slice(0, 120)} (${request.operator})` });
      const problem = problemOf(request, answer, options.timeLimitMs);
      options.trace?.(
        `#${index}\t${status}\t${answer.ms} ms\t${request.operator}\t${request.method} ${request.path.slice(0, 160)}\t${request.note}\t${JSON.stringify(answer.body.slice(0, 160))}${problem ? `\tFAIL ${problem.slice(0, 200)}` : ''}`,
      );
      if (!problem) continue;
      const known = KNOWN_OPEN.find((k) => k.matches(request, answer));
      (known ? result.knownOpen : result.failures).push({ index, request, answer, problem, knownOpen: known?.reason });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.slowest = result.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  result.ms = Math.round(performance.now() - started);
  return result;
}

/** A failure as a reader needs it: where, who, what came back, and a command that sends it again. */
export function describeFailure(base: string, phase: string, f: Failure): string {
  const body = f.answer.body.length > 700 ? `${f.answer.body.slice(0, 700)}…` : f.answer.body;
  return [
    `#${f.index} [${phase}] ${f.problem}`,
    `  ${f.request.method} ${f.request.path.length > 300 ? `${f.request.path.slice(0, 300)}…` : f.request.path}`,
    `  as ${f.request.operator}; route ${f.request.route}; ${f.request.note}`,
    `  status ${f.answer.status} in ${f.answer.ms} ms; body: ${JSON.stringify(body)}`,
    `  again: ${asCurl(base, { ...f.request, headers: { ...f.request.headers, ...(f.request.headers.cookie ? { cookie: '<cookie of ' + f.request.operator + '>' } : {}) } })}`,
    f.knownOpen ? `  KNOWN_OPEN: ${f.knownOpen}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The phase's counts as one block for stderr. */
export function summarise(phase: string, r: PhaseResult): string {
  const statuses = Object.entries(r.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const routes = Object.entries(r.routes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}×${n}`)
    .join(', ');
  return [
    `[fuzz] ${phase}: ${r.sent} requests in ${(r.ms / 1000).toFixed(1)} s; statuses ${statuses}; failures ${r.failures.length}; known open ${r.knownOpen.length}${r.unsendable ? `; unsendable ${r.unsendable}` : ''}`,
    `[fuzz] ${phase} routes: ${routes}`,
    `[fuzz] ${phase} slowest: ${r.slowest.map((s) => `${s.ms} ms ${s.request}`).join(' | ')}`,
  ].join('\n');
}
