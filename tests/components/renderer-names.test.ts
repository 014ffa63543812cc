// Version-independent (vitest.config.ts): React components in jsdom.
import { describe, expect, it } from 'vitest';
import { typecheckInProject } from '../introspect/typecheck';

/**
 * A definition names its renderers and widgets; the UI declares them (src/components/renderers/names.ts),
 * so a misspelt name is a compile error in the definition file, not a silent fallback at run time.
 */
const file = (columns: string) => `
import type {} from '@/components/renderers/names'; // in the project, tsc compiles it with every definition
import { defineResource } from '@admin-hub/engine/resources/define';

export const things = [
  defineResource({
    domain: 'blog',
    name: 'things',
    table: 'public.things',
    title: 'Things',
    columns: [
      { name: 'id', type: 'bigint' },
      ${columns}
    ],
    fieldsets: [{ title: 'Main', columns: ['id'], description: 'The key.' }],
  }),
];
`;

describe('renderer names in a definition', () => {
  it('compiles the registered names with their options, and fails on a typo', () => {
    const good = `{ name: 'status', type: 'text', cell: { kind: 'badge', tones: { paid: 'success' } }, display: 'markdown', input: 'color', help: 'Say it.' },`;
    expect(typecheckInProject(file(good))).toEqual([]);
    expect(typecheckInProject(file(`{ name: 'status', type: 'text', cell: 'bagde' },`)).join('\n')).toMatch(/bagde/);
    expect(typecheckInProject(file(`{ name: 'status', type: 'text', display: 'mardown' },`)).join('\n')).toMatch(/mardown/);
    expect(typecheckInProject(file(`{ name: 'status', type: 'text', input: 'colour' },`)).join('\n')).toMatch(/colour/);
    expect(typecheckInProject(file(`{ name: 'status', type: 'text', input: { kind: 'textarea', rows: '3' } },`)).length).toBeGreaterThan(0);
  }, 120_000);
});
