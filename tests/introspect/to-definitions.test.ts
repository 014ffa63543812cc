import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { catalogToDefinitions, chooseRowKey, exportNameFor, planDefinitions } from '../../src/engine/introspect';
import { quote, renderValue } from '../../src/engine/introspect/render-value';
import { column, INT, JSONB, table, TIMESTAMPTZ } from './builders';

/** The definition of a single table. */
function defOf(...args: Parameters<typeof table>) {
  const [def] = catalogToDefinitions('blog', [table(...args)]);
  return def!;
}

function columnOf(name: string, overrides: Parameters<typeof column>[1]) {
  return defOf('things', [column('id', INT), column(name, overrides)]).columns[1]!;
}

describe('column types', () => {
  it('makes columns named like secrets write-only for every role, and never searches them', () => {
    for (const name of ['password', 'password_hash', 'encrypted_password', 'api_key', 'reset_token', 'client_secret', 'salt', 'otp', 'private_key', 'passwd'])
      expect(columnOf(name, {}).secret, name).toBe(true);
    for (const name of ['email', 'token_expires_at', 'title', 'passage', 'secretary_name', 'tokens_used'])
      expect(columnOf(name, {}).secret, name).toBeUndefined();
    const staff = defOf('staff', [column('id', INT), column('password', {}), column('name', {})]);
    expect(staff.columns.find((c) => c.name === 'password')).toMatchObject({ secret: true });
    expect(staff.columns.find((c) => c.name === 'password')!.searchable).toBeUndefined();
    expect(staff.columns.find((c) => c.name === 'name')!.searchable).toBe(true);
  });

  it('makes a type the value model does not know read-only (shown as text), and keeps the known ones writable', () => {
    const typed = (typeName: string, typeKind = 'b') => columnOf('v', { sqlType: typeName, baseType: typeName, typeName, typeKind });
    expect(typed('hstore').readOnly).toBe(true); // an extension's type
    expect(typed('address', 'c').readOnly).toBe(true); // a composite
    expect(typed('geometry').type).toBe('text');
    for (const known of ['inet', 'interval', 'money', 'xml', 'point', 'int4', 'jsonb', 'bytea', 'citext']) expect(typed(known).readOnly, known).toBeUndefined();
    expect(typed('int4range', 'r').readOnly).toBeUndefined();
    expect(typed('mood', 'e').readOnly).toBeUndefined();
  });

  it('maps string types to text, longtext or email by type and name', () => {
    expect(columnOf('nickname', { sqlType: 'citext', baseType: 'citext', typeName: 'citext' }).type).toBe('text');
    expect(columnOf('notes', { sqlType: 'citext', baseType: 'citext', typeName: 'citext' }).type).toBe('longtext');
    expect(columnOf('short_description', {}).type).toBe('longtext');
    expect(columnOf('description', { sqlType: 'character varying', baseType: 'character varying', typeName: 'varchar' }).type).toBe('longtext');
    // A bounded varchar is a one-liner, whatever it is called.
    expect(columnOf('description', { sqlType: 'character varying(300)', baseType: 'character varying(300)', typeName: 'varchar' }).type).toBe('text');
    expect(columnOf('contact_email', {}).type).toBe('email');
    expect(columnOf('email', { sqlType: 'character varying(320)', baseType: 'character varying(320)', typeName: 'varchar' }).type).toBe('email');
    // "email" that is not a string (a jsonb blob) stays what it is.
    expect(columnOf('email', JSONB).type).toBe('json');
  });

  it('maps numbers, dates, uuid and domains by their base type', () => {
    expect(columnOf('n', { typeName: 'int2' }).type).toBe('integer');
    expect(columnOf('n', { typeName: 'int8' }).type).toBe('bigint');
    expect(columnOf('n', { typeName: 'float4' }).type).toBe('number');
    expect(columnOf('d', { typeName: 'date' }).type).toBe('date');
    expect(columnOf('t', { typeName: 'timestamp' }).type).toBe('timestamp'); // a wall-clock time, not an instant
    expect(columnOf('t', { typeName: 'timestamptz' }).type).toBe('datetime');
    expect(columnOf('u', { typeName: 'uuid' }).type).toBe('uuid');
    expect(columnOf('j', { typeName: 'json' }).type).toBe('json');
    expect(columnOf('qty', { ...INT, sqlType: 'positive_int', isDomain: true }).type).toBe('integer');
    expect(columnOf('qty', { ...INT, sqlType: 'positive_int', isDomain: true }).grouping).toBe(false); // a domain-typed integer is shown 2001, not 2,001
    expect(columnOf('qty', INT).grouping).toBeUndefined();
    expect(columnOf('ids', { sqlType: 'integer[]', baseType: 'integer[]', typeName: 'int4', isArray: true }).type).toBe('array');
  });

  it('shows other types as text, unsortable when PostgreSQL cannot order them, unlisted when unreadable', () => {
    expect(columnOf('at', { sqlType: 'point', baseType: 'point', typeName: 'point' })).toEqual({ name: 'at', type: 'text', nullable: true, sortable: false });
    expect(columnOf('span', { sqlType: 'interval', baseType: 'interval', typeName: 'interval' })).toEqual({ name: 'span', type: 'text', nullable: true });
    expect(columnOf('during', { sqlType: 'tstzrange', baseType: 'tstzrange', typeName: 'tstzrange', typeKind: 'r' })).toEqual({
      name: 'during',
      type: 'text',
      nullable: true,
    });
    // Shown, never offered as an input: triggers or generation fill it, and typed text would not parse.
    expect(columnOf('document', { sqlType: 'tsvector', baseType: 'tsvector', typeName: 'tsvector' })).toEqual({
      name: 'document',
      type: 'text',
      nullable: true,
      readOnly: true,
      list: false,
    });
  });

  it('marks identity, generated and sequence-fed columns read-only', () => {
    expect(columnOf('n', { ...INT, identity: 'by_default' }).readOnly).toBe(true);
    expect(columnOf('n', { ...INT, generated: 'stored', defaultExpression: '(a + b)' }).readOnly).toBe(true);
    expect(columnOf('n', { ...INT, hasDefault: true, defaultExpression: "nextval('things_n_seq'::regclass)" }).readOnly).toBe(true);
    expect(columnOf('n', { ...INT, hasDefault: true, defaultExpression: '0' }).readOnly).toBeUndefined();
  });

  it('says which columns have a default, so the forms know a NOT NULL one without it is required', () => {
    expect(columnOf('n', { ...INT, nullable: false, hasDefault: true, defaultExpression: '0' })).toMatchObject({ nullable: false, hasDefault: true });
    expect(columnOf('n', { ...INT, nullable: false })).not.toHaveProperty('hasDefault');
    // Written by the database: read-only, and no form asks for it.
    expect(columnOf('n', { ...INT, hasDefault: true, defaultExpression: "nextval('things_n_seq'::regclass)" })).not.toHaveProperty('hasDefault');
  });
});

describe('names and titles', () => {
  it('kebab-cases table names, prefixes non-public schemas and numbers collisions', () => {
    const tables = [
      table('OrderItems', [column('id', INT)]),
      table('audit_events', [column('id', INT)]),
      table('events', [column('id', INT)], { schema: 'audit' }),
      table('2024_sales', [column('id', INT)]),
      table('заказы', [column('id', INT)]),
    ];
    expect(catalogToDefinitions('blog', tables).map((d) => [d.name, d.title, d.table])).toEqual([
      ['order-items', 'Order items', 'public.OrderItems'],
      ['audit-events', 'Audit events', 'public.audit_events'],
      ['audit-events-2', 'Audit events', 'audit.events'],
      ['t-2024-sales', 'T 2024 sales', 'public.2024_sales'],
      ['table', 'Table', 'public.заказы'],
    ]);
  });

  it('names the export after the domain', () => {
    expect(exportNameFor('blog')).toBe('blogResources');
    expect(exportNameFor('field_ops')).toBe('fieldOpsResources');
  });
});

describe('row keys', () => {
  const code = column('code', { nullable: false });
  const batch = column('batch', { ...INT, nullable: false });
  const ref = column('ref');

  it('prefers a unique index over NOT NULL columns, even a wider one, to a nullable one', () => {
    const t = table('imports', [code, batch, ref], {
      primaryKey: [],
      uniqueKeys: [
        { name: 'imports_ref', columns: ['ref'] },
        { name: 'imports_code_batch', columns: ['code', 'batch'] },
      ],
    });
    expect(chooseRowKey(t)).toEqual({ source: 'unique index', columns: ['code', 'batch'], index: 'imports_code_batch' });
    expect(chooseRowKey({ ...t, uniqueKeys: [t.uniqueKeys[0]!] })).toEqual({ source: 'unique index', columns: ['ref'], index: 'imports_ref' });
  });

  it('skips a key with a json column, and falls back to keyless, ordered by every orderable column (read-only)', () => {
    const doc = column('doc', { ...JSONB, nullable: false });
    const t = table('docs', [doc, ref, column('at', TIMESTAMPTZ)], { primaryKey: ['doc'] });
    expect(chooseRowKey(t)).toEqual({ source: 'all columns', columns: ['ref', 'at'] });
    expect(catalogToDefinitions('blog', [t])[0]).toMatchObject({
      primaryKey: ['ref', 'at'],
      keyless: true,
      readOnly: true,
      defaultSort: { column: 'ref', direction: 'asc' },
    });
  });

  it('leaves out what cannot be a resource, and says why', () => {
    const plan = planDefinitions('blog', [
      table('blobs', [column('doc', JSONB)], { primaryKey: [] }),
      table('empty', []),
      table('dotted.name', [column('id', INT)]),
    ]);
    expect(plan.planned).toEqual([]);
    expect(plan.skipped.map((s) => [s.table.name, s.reason])).toEqual([
      ['blobs', 'no column can identify its rows (only json, array or unorderable types)'],
      ['empty', 'it has no columns'],
      ['dotted.name', 'its schema or table name contains a dot'],
    ]);
  });
});

describe('search, sort, soft delete and references', () => {
  it('searches at most three identifying text columns, best names first, never prose', () => {
    const def = defOf('people', [column('id', INT), column('body'), column('slug'), column('email'), column('title'), column('name')]);
    // name, title and email beat slug; they are flagged where they stand in the table.
    expect(def.columns.filter((c) => c.searchable).map((c) => c.name)).toEqual(['email', 'title', 'name']);
    expect(
      defOf('lines', [column('id', INT), column('body'), column('kind'), column('status')])
        .columns.filter((c) => c.searchable)
        .map((c) => c.name),
    ).toEqual(['kind']);
    expect(defOf('nums', [column('id', INT), column('body')]).columns.some((c) => c.searchable)).toBe(false);
  });

  it('sorts by a NOT NULL created_at, else by the key; soft-deletes only on a nullable timestamp deleted_at', () => {
    expect(defOf('a', [column('id', INT), column('created_at', { ...TIMESTAMPTZ, nullable: false })]).defaultSort).toEqual({
      column: 'created_at',
      direction: 'desc',
    });
    expect(defOf('b', [column('id', INT), column('created_at', TIMESTAMPTZ)]).defaultSort).toEqual({ column: 'id', direction: 'desc' });
    expect(defOf('c', [column('id', INT), column('created_at', { typeName: 'date', nullable: false })]).defaultSort).toEqual({
      column: 'id',
      direction: 'desc',
    });
    expect(defOf('d', [column('id', INT), column('deleted_at', TIMESTAMPTZ)]).softDelete).toBe('deleted_at');
    expect(defOf('e', [column('id', INT), column('deleted_at', { ...TIMESTAMPTZ, nullable: false })]).softDelete).toBeUndefined();
    expect(defOf('f', [column('id', INT), column('deleted_at', { typeName: 'bool' })]).softDelete).toBeUndefined();
  });

  it('references only tables of the same catalog, through single-column keys, first constraint winning', () => {
    const authors = table('authors', [column('id', INT)]);
    const posts = table('posts', [column('id', INT), column('author_id', INT), column('editor_id', INT)], {
      foreignKeys: [
        { name: 'a_fk', columns: ['author_id'], references: { schema: 'public', table: 'authors', columns: ['id'] } },
        { name: 'b_fk', columns: ['author_id'], references: { schema: 'public', table: 'people', columns: ['id'] } },
        { name: 'c_fk', columns: ['editor_id'], references: { schema: 'other', table: 'editors', columns: ['id'] } },
      ],
    });
    const [, def] = catalogToDefinitions('blog', [authors, posts]);
    expect(def!.columns.map((c) => c.references)).toEqual([undefined, { resource: 'authors', column: 'id' }, undefined]);
  });
});

describe('renderValue', () => {
  it('quotes any string so that it reads back the same', () => {
    for (const text of ["it's", 'back\\slash', 'line\nbreak', 'tab\there', '\u2028', 'ünïcode ✓', '*/ ${x} `y`']) {
      expect(vm.runInNewContext(quote(text))).toBe(text);
    }
  });

  it('keeps short values on one line, quotes keys that are not identifiers, breaks arrays of objects', () => {
    expect(renderValue({ a: 1, 'b-c': [true, null], d: undefined })).toBe("{ a: 1, 'b-c': [true, null] }");
    expect(renderValue({ columns: [{ name: 'id' }] })).toBe("{\n  columns: [\n    { name: 'id' },\n  ],\n}");
  });
});
