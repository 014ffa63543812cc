import type { ColumnType } from '../resources/types';
import type { CatalogColumn } from './types';

/**
 * SQL type → admin column type. Keys are pg_type.typname after domains are resolved, so a
 * domain is shown as its base type. Anything not listed (time, interval, inet, bytea, xml,
 * ranges, composites, …) is shown as text: readable, never editable wrongly by a typed input.
 */
const BY_TYPE_NAME: Record<string, ColumnType> = {
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  citext: 'text',
  name: 'text',
  int2: 'integer',
  int4: 'integer',
  int8: 'bigint',
  numeric: 'number',
  float4: 'number',
  float8: 'number',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'datetime',
  json: 'json',
  jsonb: 'json',
  uuid: 'uuid',
  bytea: 'bytes',
};

/** Character strings: what the search box's ILIKE accepts without a cast. */
const STRING_TYPES = new Set(['text', 'varchar', 'bpchar', 'citext', 'name']);

/**
 * Types shown as text that still have a b-tree ordering, so they can be sorted and serve
 * as a row key. Geometric types, xml and composites are left out: ORDER BY on them fails
 * or means nothing.
 */
const ORDERABLE_AS_TEXT = new Set([
  ...STRING_TYPES,
  'char',
  'time',
  'timetz',
  'interval',
  'inet',
  'cidr',
  'macaddr',
  'macaddr8',
  'bytea',
  'oid',
  'money',
  'bit',
  'varbit',
  'pg_lsn',
  'tsvector',
]);

/**
 * Types the value model knows as text (shown, and typed back as text PostgreSQL reads): with
 * BY_TYPE_NAME, enums, ranges and multiranges, everything the README's type table lists.
 */
const KNOWN_AS_TEXT = new Set([
  ...ORDERABLE_AS_TEXT,
  'xml',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
  'tsquery',
  'regclass',
  'regtype',
  'regproc',
  'regprocedure',
  'regoper',
  'regnamespace',
  'regrole',
  'xid',
  'xid8',
  'cid',
  'tid',
]);

/**
 * A type the value model does not know (a composite, an extension's type such as hstore or
 * geometry, a pseudo-type): shown as its text and read-only, never typed into by a guess.
 * A definition may still set `readOnly: false` to edit its text.
 */
export function isUnknownType(column: CatalogColumn): boolean {
  if (['e', 'r', 'm'].includes(column.typeKind)) return false;
  return !(column.typeName in BY_TYPE_NAME) && !KNOWN_AS_TEXT.has(column.typeName);
}

/** Long or unreadable in a table cell: kept out of the default list columns. */
const UNLISTED_TYPES = new Set(['bytea', 'tsvector']);

/** Names that, on an unbounded string column, hold prose rather than a one-liner. */
const LONGTEXT_NAMES = [
  'body',
  'description',
  'content',
  'notes',
  'note',
  'bio',
  'summary',
  'excerpt',
  'abstract',
  'comment',
  'message',
  'details',
  'html',
  'markdown',
];

export function isStringColumn(column: CatalogColumn): boolean {
  return !column.isArray && STRING_TYPES.has(column.typeName);
}

function isLongText(column: CatalogColumn): boolean {
  // varchar(200) is a one-liner whatever its name; text, citext and bare varchar may be prose.
  if (!isStringColumn(column) || column.typeName === 'bpchar' || /\(\d+\)$/.test(column.baseType)) return false;
  return LONGTEXT_NAMES.some((word) => column.name === word || column.name.endsWith(`_${word}`));
}

function isEmailName(name: string): boolean {
  return name === 'email' || name.endsWith('_email');
}

export function columnTypeOf(column: CatalogColumn): ColumnType {
  if (column.isArray) return 'array';
  if (column.typeKind === 'e') return 'enum';
  if (isStringColumn(column)) {
    if (isEmailName(column.name)) return 'email';
    if (isLongText(column)) return 'longtext';
  }
  return BY_TYPE_NAME[column.typeName] ?? 'text';
}

/**
 * Can be sorted on and used in a keyset cursor. The engine's cursors compare values it can
 * parse back from text, which rules out json and arrays even where PostgreSQL could order them.
 */
export function isOrderable(column: CatalogColumn): boolean {
  const type = columnTypeOf(column);
  if (type === 'json' || type === 'array' || type === 'bytes') return false;
  if (type !== 'text' && type !== 'longtext' && type !== 'email') return true;
  return ORDERABLE_AS_TEXT.has(column.typeName) || column.typeKind === 'r';
}

export function isUnlisted(column: CatalogColumn): boolean {
  return !column.isArray && UNLISTED_TYPES.has(column.typeName);
}

/**
 * Names that hold secrets: passwords and their hashes, tokens, keys, salts, one-time codes.
 * Such columns are introspected write-only (ColumnDef.secret) for every role; a definition
 * says `secret: false` to show one.
 */
const SECRET_NAME =
  /^(password|passwd|pwd|passphrase)|(^|_)(password|passwd|pwd|password_hash|password_digest|token|secret|api_key|apikey|private_key|secret_key|salt|otp|totp|otp_secret|totp_secret|mfa_secret|access_token|refresh_token|client_secret|encrypted_password)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
