import pg from 'pg';

const pgTypes = pg.types;

/**
 * Type parsing for the export's cursor: timestamptz values become the same ISO text the list
 * shows (`2024-05-01T12:00:00.000Z`) straight from PostgreSQL's text, without a JS Date per
 * value. A million rows' Dates were most of the export's garbage, and under Next.js (which
 * wraps the global Date) V8 allocates them straight into the old generation, where they
 * piled up as +200 MB of RSS before a full GC. The session runs in UTC for the export, so
 * the text is always `YYYY-MM-DD HH:MM:SS[.ffffff]+00`; anything else (infinity, BC, years
 * past 9999) goes through pg's own parser as before.
 */
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;
function timestamptzToIso(text: string): unknown {
  const m = UTC_TIMESTAMP.exec(text);
  if (!m) return pgTypes.getTypeParser(pgTypes.builtins.TIMESTAMPTZ)(text);
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}
export const exportTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pgTypes.builtins.TIMESTAMPTZ ? timestamptzToIso : pgTypes.getTypeParser(oid, format)),
};
