import { POSITION_PARAMS, withoutParams } from '@admin-hub/engine/shared/list-params';
/**
 * Browser-side readers for the list's streamed endpoints: the export download (counting rows
 * as bytes arrive, for progress) and the bulk run's JSON lines (one per committed batch).
 */

export type ExportFormat = 'csv' | 'jsonl';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts complete records in a CSV or JSON Lines byte stream, chunk by chunk, without
 * decoding it: a quote or newline byte is never part of a multi-byte UTF-8 character. In CSV
 * a newline inside a quoted field is data (quotes toggle the state; a doubled quote toggles
 * twice), so only newlines outside quotes end a record; the header line is not counted.
 */
export function createRecordCounter(format: ExportFormat): (chunk: Uint8Array) => number {
  let inQuotes = false;
  let lines = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === NEWLINE) {
        if (!inQuotes) lines++;
      } else if (byte === QUOTE && format === 'csv') {
        inQuotes = !inQuotes;
      }
    }
    return format === 'csv' ? Math.max(0, lines - 1) : lines;
  };
}

/** The file name a Content-Disposition header gives, or the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** The error message of a JSON error body ({ error }), or the status text. */
export async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string; problems?: { param: string; message: string }[] };
    const problems = body.problems?.map((p) => `${p.param}: ${p.message}`).join('; ');
    return [body.error, problems].filter(Boolean).join(' ') || `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/** Reads a JSON-lines body, calling `onLine` with each parsed line as it arrives. */
export async function readJsonLines<T>(body: ReadableStream<Uint8Array>, onLine: (line: T) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      const text = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (text) onLine(JSON.parse(text) as T);
      end = buffered.indexOf('\n');
    }
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered) as T);
}

/** The list's query string without what only places a page: what "matching" and exports mean. */
export function filterQuery(searchParams: URLSearchParams, drop: readonly string[] = [...POSITION_PARAMS, 'size', 'count']): URLSearchParams {
  return withoutParams(searchParams, drop);
}
