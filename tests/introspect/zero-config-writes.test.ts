import { describe, expect, it } from 'vitest';
import { catalogToDefinitions, zeroConfigDefinition } from '../../src/engine/introspect';
import { viewColumnOrigins } from '../../src/engine/introspect/view-origins';
import { resolveResource } from '../../src/engine/resources/define';
import { column, INT, table } from './builders';

/** The planned definitions of one view: writable (as VIEWS_SQL reports it) or not. */
function viewDef(writable: boolean, primaryKey: string[]) {
  const columns = [column('account_no', { ...INT, nullable: false }), column('display_name', {}), column('shout', { writable: false })];
  const [def] = catalogToDefinitions('legacy', [table('cards', columns, { kind: 'view', writable, primaryKey })]);
  return def!;
}

describe('views from the catalog', () => {
  it('writes a view PostgreSQL writes through and that shows its key, with its values as the row version', () => {
    const def = viewDef(true, ['account_no']);
    expect(def.readOnly).toBeUndefined();
    expect(def.rowVersion).toBe('values');
    expect(def.columns.map((c) => [c.name, c.readOnly ?? false])).toEqual([
      ['account_no', false],
      ['display_name', false],
      ['shout', true],
    ]);
  });

  it('keeps a view read-only when PostgreSQL does not write through it, or when it shows no key', () => {
    expect(viewDef(false, []).readOnly).toBe(true);
    expect(viewDef(true, []).readOnly).toBe(true); // keyless: an UPDATE could hit several rows
    const [matview] = catalogToDefinitions('legacy', [table('totals', [column('id', INT)], { kind: 'materialized_view' })]);
    expect(matview!.readOnly).toBe(true);
  });
});

describe('zeroConfigDefinition', () => {
  const [def] = catalogToDefinitions('legacy', [table('notes', [column('id', INT), column('body', {})])]);

  it('is read-only without the setting', () => {
    expect(resolveResource(zeroConfigDefinition(def!, undefined)).readOnly).toBe(true);
  });

  it('raises every write to the configured role, never below the hub minimums', () => {
    const editor = resolveResource(zeroConfigDefinition(def!, 'editor'));
    expect(editor.readOnly).toBe(false);
    expect(editor.access).toMatchObject({
      read: 'viewer',
      export: 'viewer',
      create: 'editor',
      update: 'editor',
      delete: 'editor',
      bulk: 'admin',
      hardDelete: 'admin',
    });
    const admin = resolveResource(zeroConfigDefinition(def!, 'admin'));
    expect(admin.access).toMatchObject({
      read: 'viewer',
      create: 'admin',
      update: 'admin',
      delete: 'admin',
      restore: 'admin',
      bulk: 'admin',
      hardDelete: 'admin',
    });
  });

  it('leaves what the catalog made read-only read-only', () => {
    const [view] = catalogToDefinitions('legacy', [table('names', [column('name', {})], { kind: 'view' })]);
    expect(resolveResource(zeroConfigDefinition(view!, 'editor')).readOnly).toBe(true);
  });
});

describe('viewColumnOrigins', () => {
  it('reads the origin of each output column from a query tree, skipping expressions and junk, and escaped names', () => {
    const tree =
      '({QUERY :commandType 1 :rtable ({RANGETBLENTRY :relid 5 :eref {ALIAS :aliasname t :colnames ("id" "name")}}) ' +
      ':jointree {FROMEXPR :fromlist ({RANGETBLREF :rtindex 1}) :quals {SUBLINK :subselect {QUERY :targetList ({TARGETENTRY :expr {VAR :varno 1} :resno 1 :resname x :resorigtbl 99 :resorigcol 9 :resjunk false})}}} ' +
      ':targetList (' +
      '{TARGETENTRY :expr {VAR :varno 1 :varattno 2} :resno 1 :resname :odd\\ name :ressortgroupref 0 :resorigtbl 16385 :resorigcol 2 :resjunk false} ' +
      '{TARGETENTRY :expr {FUNCEXPR :funcid 871 :args ({VAR :varno 1 :varattno 2})} :resno 2 :resname shout :ressortgroupref 0 :resorigtbl 0 :resorigcol 0 :resjunk false} ' +
      '{TARGETENTRY :expr {CONST :consttype 23 :constvalue 4 [ 1 0 0 0 0 0 0 0 ]} :resno 3 :resname \\(x\\) :ressortgroupref 0 :resorigtbl 16385 :resorigcol 1 :resjunk true}' +
      ') :override 0})';
    expect(viewColumnOrigins(tree)).toEqual(new Map([[1, { table: '16385', attnum: 2 }]]));
  });

  it('answers undefined, not a throw, for text it cannot read', () => {
    expect(viewColumnOrigins('({QUERY :targetList (')).toBeUndefined();
    expect(viewColumnOrigins('<>')).toBeUndefined();
    expect(viewColumnOrigins('({INSERT})')).toBeUndefined();
  });
});
