/**
 * Types for pg-cursor 2.x (the package ships none): only what the exporter uses. A Cursor is
 * submitted with `client.query(cursor)` and then read batch by batch; each `read` is one
 * Execute of the portal with a row limit.
 */
declare module 'pg-cursor' {
  import type { Submittable } from 'pg';

  interface CursorConfig {
    /** 'array': each row is an array in the SELECT's column order (no per-row objects to build). */
    rowMode?: 'array';
    /** Type parsers for this cursor's values only, instead of pg's global ones. */
    types?: { getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown };
  }

  export default class Cursor<Row = unknown> implements Submittable {
    constructor(text: string, values?: readonly unknown[], config?: CursorConfig);
    submit: Submittable['submit'];
    /** The next rows (at most `rows`); an empty array once the result is exhausted. */
    read(rows: number): Promise<Row[]>;
    /** Closes the portal early (Close + Sync) so the connection is clean to reuse. */
    close(): Promise<void>;
  }
}
