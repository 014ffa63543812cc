import type { PgLikeError } from '../db/errors';
import type { PoolName } from '../db/pools';
import { query } from '../db/query';
import { quoteTable } from '../list/sql';
import type { Resource } from '../resources/types';
import { RecordValidationError } from './errors';

/**
 * A CHECK the database refused a write with, explained from its catalog: the rule's own
 * text (`CHECK (VALUE > 0)`) on the field it is about. A table CHECK names its columns in
 * `conkey`; a domain's CHECK (the error names the domain, never the column) is put on the
 * resource's columns of that domain type. Asked only after a refusal, so saves never pay for it;
 * undefined when the catalog cannot say more (then the name-based guess in db-errors.ts stands).
 */
export async function explainCheckViolation(domain: PoolName, resource: Resource, error: unknown): Promise<RecordValidationError | undefined> {
  const e = error as PgLikeError;
  if (e?.code !== '23514' || !e.constraint) return undefined;
  const rows = e.dataType
    ? await query<{ rule: string; columns: string[] }>(
        domain,
        `SELECT pg_get_constraintdef(c.oid) AS rule,
                ARRAY(SELECT a.attname::text FROM pg_attribute a
                       WHERE a.attrelid = to_regclass($4) AND a.atttypid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                       ORDER BY a.attnum) AS columns
           FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE c.conname = $1 AND t.typname = $2 AND ($3::text IS NULL OR n.nspname = $3)`,
        [e.constraint, e.dataType, e.schema ?? null, quoteTable(resource.table)],
      )
    : await query<{ rule: string; columns: string[] }>(
        domain,
        `SELECT pg_get_constraintdef(c.oid) AS rule,
                ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) ORDER BY a.attnum) AS columns
           FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
          WHERE c.conname = $1 AND c.contype = 'c' AND r.relname = $2 AND ($3::text IS NULL OR n.nspname = $3)`,
        [e.constraint, e.table ?? '', e.schema ?? null],
      );
  const found = rows[0];
  if (!found) return undefined;
  const message = `Not allowed: the ${e.dataType ? `type ${e.dataType}` : 'table'} requires ${tidyRule(found.rule)}.`;
  const fields = found.columns.filter((c) => resource.columns.some((col) => col.name === c));
  if (fields.length === 0) return new RecordValidationError({}, message);
  return new RecordValidationError(Object.fromEntries(fields.map((f) => [f, message])));
}

/** True when the text is one parenthesised group: "(a) AND (b)" is not, "((a) AND (b))" is. */
function wrappedWhole(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** pg_get_constraintdef wraps the expression once more than it needs: "CHECK ((weight > 0))" reads as "CHECK (weight > 0)". */
function tidyRule(rule: string): string {
  const match = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(rule);
  return match && wrappedWhole(match[1]!) ? `CHECK ${match[1]}${match[2] ?? ''}` : rule;
}
