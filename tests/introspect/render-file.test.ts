import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownDomains } from '../../src/admin/domains';
import { catalogToDefinitions, readCatalog, renderDefinitionFile, type CatalogTable } from '../../src/engine/introspect';
import { createTestDatabase, targetFromUrl, type TestDatabase } from '../support/databases';
import { installConfig, resetEngine } from '../support/engine';
import { loadFixture } from './fixture';
import { PROJECT_ROOT, typecheckInProject } from './typecheck';

/** The newest change under src/, directories included (what makes the build look stale). */
function newestSourceChange(dir = path.join(PROJECT_ROOT, 'src')): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

let db: TestDatabase;
let catalog: CatalogTable[];

beforeAll(async () => {
  db = await createTestDatabase('introspect_render');
  await loadFixture(db.url);
  installConfig(targetFromUrl('hub', db.url), [targetFromUrl('blog', db.url)]);
  catalog = await readCatalog('blog');
});
afterAll(async () => {
  await resetEngine();
  await db?.drop();
});

describe('renderDefinitionFile', () => {
  it('writes defineResource calls for a known domain, in the project style', () => {
    const source = renderDefinitionFile('blog', catalogToDefinitions('blog', catalog), { notes: { posts: 'public.posts: table' }, knownDomains });
    expect(source).toContain("import { defineResource } from '@admin-hub/engine/resources/define';\n\nexport const blogResources = [\n");
    expect(source).toContain(
      [
        '  // public.posts: table',
        '  defineResource({',
        "    domain: 'blog',",
        "    name: 'posts',",
        "    table: 'public.posts',",
        "    primaryKey: ['id'],",
        "    title: 'Posts',",
        '    columns: [',
        "      { name: 'id', type: 'bigint', nullable: false, readOnly: true },",
        "      { name: 'author_id', type: 'integer', nullable: false, references: { resource: 'authors', column: 'id' } },",
      ].join('\n'),
    );
    expect(source).toContain("    defaultSort: { column: 'created_at', direction: 'desc' },\n    softDelete: 'deleted_at',\n  }),\n");
    expect(source.endsWith('];\n')).toBe(true);
    const code = source.split('\n').filter((line) => !/^\s*(\/\*\*|\*|\/\/)/.test(line));
    expect(code.filter((line) => line.includes('"'))).toEqual([]); // single quotes throughout
    expect(code.filter((line) => (line.length - line.trimStart().length) % 2 !== 0)).toEqual([]); // 2-space indent
  }, 60_000);

  it('compiles under the project tsconfig for a known domain', () => {
    const source = renderDefinitionFile('blog', catalogToDefinitions('blog', catalog), { knownDomains });
    expect(typecheckInProject(source)).toEqual([]);
  }, 60_000);

  it('compiles for a domain the code base does not know, without casts', () => {
    const source = renderDefinitionFile('crm', catalogToDefinitions('crm', catalog));
    expect(source).toContain("import type { ResourceDef } from '@admin-hub/engine/resources/types';");
    expect(source).toContain("export const crmResources: ResourceDef<'crm'>[] = [");
    expect(source).not.toMatch(/\bas\b (never|unknown|KnownDomain)/);
    expect(typecheckInProject(source)).toEqual([]);
  }, 60_000);

  it('is really type-checked: a wrong column type or an unknown domain in defineResource fails', () => {
    const source = renderDefinitionFile('blog', catalogToDefinitions('blog', catalog), { knownDomains });
    const wrongType = source.replace("type: 'bigint'", "type: 'bignum'");
    expect(typecheckInProject(wrongType).join('\n')).toMatch(/bignum/);
    const wrongDomain = source.replace("domain: 'blog'", "domain: 'crm'");
    expect(typecheckInProject(wrongDomain).length).toBeGreaterThan(0);
  }, 60_000);

  it('never touches the source tree, so a hub running from this checkout keeps its build', () => {
    const before = newestSourceChange();
    const source = renderDefinitionFile('blog', catalogToDefinitions('blog', catalog), { knownDomains });
    expect(typecheckInProject(source)).toEqual([]);
    expect(typecheckInProject(source.replace("type: 'bigint'", "type: 'bignum'")).length).toBeGreaterThan(0);
    expect(newestSourceChange()).toBe(before);
    expect(readdirSync(path.join(PROJECT_ROOT, 'src', 'admin', 'resources')).filter((f) => f.startsWith('__'))).toEqual([]);
  }, 60_000);

  it('refuses a domain name that could not be a configured one', () => {
    expect(() => renderDefinitionFile("x'; drop", [])).toThrow('is not a valid domain name');
  });
});
