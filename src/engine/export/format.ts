import { stringify } from 'csv-stringify/sync';
import { maskValue } from '../auth/access';
import type { ResolvedColumn } from '../resources/types';
import { compactJson } from '../values/json';

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
 * line break (a lone \n inside a value too), quotes doubled.
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quote_record_delimiter: true } as const;

/** A database value as the list's JSON shows it: dates as ISO strings, the rest unchanged. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** A value as one CSV field: empty for NULL, JSON for json and arrays, text for the rest. */
function csvField(value: unknown, neutralise: boolean): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return neutralise && FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV injection (OWASP): a spreadsheet runs a cell starting with = + - @, a tab or a carriage
 * return as a formula. In columns of text (where an operator's or a customer's words end up)
 * such a cell gets a leading ' that spreadsheets show but do not run; numbers, dates and the
 * like are never formulas and stay exact. JSON Lines is always exact.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const FREE_TEXT: ReadonlySet<ResolvedColumn['type']> = new Set(['text', 'longtext', 'email', 'enum', 'json', 'array']);

/**
 * Turns batches of rows (arrays in the columns' order, as the cursor returns them) into the
 * file's text, applying the operator's masks. One instance per export.
 */
export class RowFormatter {
  private readonly masked: boolean[];
  /** Columns whose CSV cells are neutralised against formulas (FREE_TEXT). */
  private readonly freeText: boolean[];
  /** json columns, whose text goes into a JSON line as the JSON value it is (not as a string), digit for digit. */
  private readonly json: boolean[];
  /** `"name":` for each column, so a JSON line is written without building an object per row. */
  private readonly keys: string[];

  constructor(
    readonly format: ExportFormat,
    private readonly columns: ResolvedColumn[],
    masked: Set<string>,
  ) {
    this.masked = columns.map((c) => masked.has(c.name));
    this.freeText = columns.map((c) => FREE_TEXT.has(c.type));
    this.json = columns.map((c, i) => c.type === 'json' && !this.masked[i]);
    this.keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  }

  /** What comes before the first row: the CSV header (column names); nothing for JSON Lines. */
  header(): string {
    return this.format === 'csv' ? stringify([this.columns.map((c) => c.name)], CSV_OPTIONS) : '';
  }

  private value(row: unknown[], i: number): unknown {
    const v = plain(row[i]);
    return this.masked[i] ? maskValue(this.columns[i]!, v) : v;
  }

  private jsonValue(row: unknown[], i: number): string {
    const value = this.value(row, i);
    if (this.json[i] && typeof value === 'string') {
      const embedded = compactJson(value);
      if (embedded !== undefined) return embedded;
    }
    return JSON.stringify(value) ?? 'null';
  }

  rows(rows: unknown[][]): string {
    const width = this.columns.length;
    if (this.format === 'csv') {
      const records = rows.map((row) => {
        const fields = new Array<string>(width);
        for (let i = 0; i < width; i++) fields[i] = csvField(this.value(row, i), this.freeText[i]!);
        return fields;
      });
      return stringify(records, CSV_OPTIONS);
    }
    let out = '';
    for (const row of rows) {
      // JSON.stringify escapes line breaks inside strings, so every row is exactly one line.
      for (let i = 0; i < width; i++) out += this.keys[i] + this.jsonValue(row, i);
      out += width === 0 ? '{}\n' : '}\n';
    }
    return out;
  }
}
