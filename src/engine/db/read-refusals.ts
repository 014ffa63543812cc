import { HubError } from '../errors';
import { say } from '../i18n/say';
import type { PgLikeError } from './errors';

/**
 * A read the database refused because of the state of the schema, not because of the
 * request: a materialized view never refreshed, a privilege the hub's database user lacks, a
 * table or column that is gone since the definition was written. Each says which object and
 * what to do about it, in words; never the SQL.
 */
export class DatabaseStateError extends HubError {
  constructor(
    readonly status: number,
    message: string,
    /** What the page can offer beside the words: a materialized view never refreshed gets a Refresh button. */
    readonly reason?: 'not-populated',
  ) {
    super(message);
    this.name = 'DatabaseStateError';
  }
}

/** The quoted name in a PostgreSQL message (`relation "public.x" does not exist` → public.x). */
function quoted(message: string): string | undefined {
  return /"([^"]{1,200})"/.exec(message)?.[1];
}

export function readRefusal(error: unknown): DatabaseStateError | undefined {
  const e = error as PgLikeError | undefined;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') return undefined;
  const name = quoted(e.message);
  switch (e.code) {
    case '55000':
      if (/has not been populated/.test(e.message))
        return new DatabaseStateError(409, say('db.notPopulated', { name: name ?? say('db.thisView') }), 'not-populated');
      return undefined;
    case '42501': {
      const object = /permission denied for (?:table|relation|view|materialized view|sequence|schema) (\S+)/.exec(e.message)?.[1];
      return new DatabaseStateError(403, say('db.mayNotRead', { object: object ? `"${object}"` : say('db.thisTable') }));
    }
    case '42P01':
      return new DatabaseStateError(409, say('db.tableMissing', { name: name ? `"${name}"` : say('db.aTable') }));
    case '42703':
      return new DatabaseStateError(409, name ? say('db.columnMissing', { name }) : say('db.aColumnMissing'));
    default:
      return undefined;
  }
}
