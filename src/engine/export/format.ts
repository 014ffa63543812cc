import { stringify } from 'csv-stringify/sync';
import { maskValue } from '../auth/access';
import type { ResolvedColumn } from '../resources/types';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/**
 * RFC 4180: CRLF between records, a field quoted when it holds the delimiter, a quote or any
 * line break (a lone \n inside a value too), quotes doubled. Values are written as they are:
 * no formula escaping, so the file round-trips (see the README's note on spreadsheets).
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true } as const;

/** A database value as the list's JSON shows it: dates as ISO strings, the rest unchanged. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** A value as one CSV field: empty for NULL, JSON for json and arrays, text for the rest. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Turns batches of rows (arrays in the columns' order, as the cursor returns them) into the
 * file's text, applying the operator's masks. One instance per export.
 */
export class RowFormatter {
  private readonly masked: boolean[];

  constructor(
    readonly format: ExportFormat,
    private readonly columns: ResolvedColumn[],
    masked: Set<string>,
  ) {
    this.masked = columns.map((c) => masked.has(c.name));
  }

  /** What comes before the first row: the CSV header (column names); nothing for JSON Lines. */
  header(): string {
    return this.format === 'csv' ? stringify([this.columns.map((c) => c.name)], CSV_OPTIONS) : '';
  }

  private values(row: unknown[]): unknown[] {
    return row.map((value, i) => {
      const v = plain(value);
      return this.masked[i] ? maskValue(this.columns[i]!, v) : v;
    });
  }

  rows(rows: unknown[][]): string {
    if (this.format === 'csv') return stringify(rows.map((row) => this.values(row).map(csvField)), CSV_OPTIONS);
    let out = '';
    for (const row of rows) {
      const values = this.values(row);
      const object: Record<string, unknown> = {};
      for (let i = 0; i < this.columns.length; i++) object[this.columns[i]!.name] = values[i];
      // JSON.stringify escapes line breaks inside strings, so every row is exactly one line.
      out += `${JSON.stringify(object)}\n`;
    }
    return out;
  }
}
