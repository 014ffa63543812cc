// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordForm, type RecordFormProps } from '../../src/components/record-form/record-form';
import { idleState } from '../../src/components/record-form/state';
import { DetailValue, RecordFields } from '../../src/components/record-view/detail-value';
import { valueRendererNames } from '../../src/components/renderers/value-renderers';
import { sectionsOf } from '../../src/components/renderers/sections';
import { Cell } from '../../src/components/resource-list/cell';
import { defineResource, resolveResource, toClientResource } from '../../src/engine/resources/define';
import type { ColumnDef, FieldsetDef, ResolvedColumn } from '../../src/engine/resources/types';
import { IntlWrapper } from '../support/intl';

vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/d/blog/things/new',
}));

afterEach(cleanup);

function resource(columns: ColumnDef[], fieldsets?: FieldsetDef[]) {
  return resolveResource({
    domain: 'blog',
    name: 'things',
    table: 'public.things',
    title: 'Things',
    columns: [{ name: 'id', type: 'bigint', readOnly: true }, ...columns],
    fieldsets,
  });
}

function column(def: ColumnDef): ResolvedColumn {
  return resource([def]).columns.find((c) => c.name === def.name)!;
}

function cell(def: ColumnDef, value: unknown) {
  return render(<Cell column={column(def)} value={value} domain="blog" />, { wrapper: IntlWrapper }).container;
}

describe('cell and display renderers, chosen by name', () => {
  it('ships badge, money, progress, link, image and markdown', () => {
    expect(valueRendererNames).toEqual(['badge', 'money', 'progress', 'link', 'image', 'markdown']);
  });

  it('renders a badge with the tone the options give its value, others outlined', () => {
    const status: ColumnDef = { name: 'status', type: 'enum', options: ['paid', 'pending'], cell: { kind: 'badge', tones: { paid: 'success' } } };
    const paid = cell(status, 'paid').querySelector('[data-renderer="badge"]')!;
    expect(paid.textContent).toBe('paid');
    expect(paid.getAttribute('data-tone')).toBe('success');
    cleanup();
    expect(cell(status, 'pending').querySelector('[data-renderer="badge"]')!.getAttribute('data-tone')).toBe('outline');
  });

  it('renders money, progress, safe links and images; what they cannot show their way stays text', () => {
    expect(cell({ name: 'price', type: 'number', cell: { kind: 'money', currency: 'USD' } }, '12.5').textContent).toBe('$12.50');
    cleanup();
    expect(cell({ name: 'fee', type: 'integer', cell: { kind: 'money', cents: true } }, 1999).textContent).toBe('€19.99');
    cleanup();
    const bar = cell({ name: 'done', type: 'integer', cell: { kind: 'progress', max: 200 } }, 50).querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-valuemax')).toBe('200');
    cleanup();
    const link = cell({ name: 'site', type: 'text', cell: 'link' }, 'https://example.com/a').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('example.com/a');
    cleanup();
    // Never a javascript: link or image: shown as the text it is.
    const bad = cell({ name: 'site', type: 'text', cell: 'link' }, 'javascript:alert(1)');
    expect(bad.querySelector('a')).toBeNull();
    expect(bad.textContent).toBe('javascript:alert(1)');
    cleanup();
    const img = cell({ name: 'photo', type: 'text', cell: { kind: 'image', size: 24 } }, 'https://example.com/p.png').querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://example.com/p.png');
    expect(img.getAttribute('alt')).toBe('Photo');
    cleanup();
    expect(cell({ name: 'photo', type: 'text', cell: 'image' }, 'data:image/svg+xml,<svg/>').querySelector('img')).toBeNull();
    cleanup();
    // A masked value reaches the renderer as its mask: text, not a broken bar.
    expect(cell({ name: 'done', type: 'integer', cell: 'progress' }, '***').textContent).toBe('***');
  });

  it('falls back to the type for a name this build does not register, and leaves NULL empty', () => {
    // @ts-expect-error -- a misspelt renderer is a compile error; at run time (a plain-JS definition) the type decides
    const odd = column({ name: 'ok', type: 'boolean', cell: 'badgee' });
    expect(render(<Cell column={odd} value={true} domain="blog" />, { wrapper: IntlWrapper }).container.textContent).toBe('yes');
    cleanup();
    expect(cell({ name: 'status', type: 'text', cell: 'badge' }, null).textContent).toBe('');
  });

  it('uses display on the record page, else the cell renderer, else the type', () => {
    const body = column({ name: 'body', type: 'longtext', display: 'markdown' });
    const page = render(<DetailValue column={body} value={'# Hello\n\nSome **bold**'} domain="blog" />, { wrapper: IntlWrapper }).container;
    expect(page.querySelector('h1')?.textContent).toBe('Hello');
    expect(page.querySelector('strong')?.textContent).toBe('bold');
    cleanup();
    // In a list, the display renderer is not used: the type's truncated text.
    expect(cell({ name: 'body', type: 'longtext', display: 'markdown' }, '# Hello').textContent).toBe('# Hello');
    cleanup();
    const status = column({ name: 'status', type: 'text', cell: { kind: 'badge', tones: { ok: 'success' } } });
    expect(
      render(<DetailValue column={status} value="ok" domain="blog" />, { wrapper: IntlWrapper }).container.querySelector('[data-tone="success"]'),
    ).toBeTruthy();
    cleanup();
    // Masked values are never handed to a renderer on the record page.
    const masked = render(<DetailValue column={status} value="o***" domain="blog" masked />, { wrapper: IntlWrapper }).container;
    expect(masked.querySelector('[data-renderer]')).toBeNull();
  });
});

describe('fieldsets and help text', () => {
  const things = resource(
    [
      { name: 'title', type: 'text', nullable: false, help: 'Shown as the page heading.' },
      { name: 'slug', type: 'text' },
      { name: 'author', type: 'text' },
      { name: 'note', type: 'longtext' },
    ],
    [
      { title: 'Content', columns: ['title', 'slug'], description: 'What readers see.' },
      { title: 'People', columns: ['author'] },
    ],
  );

  function renderForm(overrides: Partial<RecordFormProps> = {}) {
    const props: RecordFormProps = {
      resource: toClientResource(things),
      mode: 'create',
      initial: {},
      action: vi.fn(async () => idleState),
      title: 'Things: new record',
      cancelHref: '/d/blog/things',
      ...overrides,
    };
    return render(<RecordForm {...props} />, { wrapper: IntlWrapper });
  }

  it('groups the form into fieldsets with legends, the columns in none last, in the fieldset order', () => {
    renderForm();
    const sets = screen.getAllByTestId('form-fieldset');
    expect(sets.map((s) => s.tagName)).toEqual(['FIELDSET', 'FIELDSET', 'FIELDSET']);
    expect(sets.map((s) => s.querySelector('legend')?.textContent)).toEqual(['Content', 'People', 'Other']);
    const fieldsOf = (set: HTMLElement) => [...set.querySelectorAll('[data-testid^="form-field-"]')].map((f) => f.getAttribute('data-testid'));
    expect(fieldsOf(sets[0]!)).toEqual(['form-field-title', 'form-field-slug']);
    expect(fieldsOf(sets[1]!)).toEqual(['form-field-author']);
    expect(fieldsOf(sets[2]!)).toEqual(['form-field-note']); // id is read-only: not offered on create
    // The description is read out with the fieldset.
    const description = within(sets[0]!).getByText('What readers see.');
    expect(sets[0]!.getAttribute('aria-describedby')).toBe(description.id);
    expect(sets[1]!.getAttribute('aria-describedby')).toBeNull();
  });

  it('puts help text under the field and links it with aria-describedby', () => {
    renderForm();
    const help = screen.getByTestId('field-help-title');
    expect(help.textContent).toBe('Shown as the page heading.');
    const input = screen.getByTestId('field-title');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(help.id);
    expect(screen.getByTestId('form-field-title').contains(help)).toBe(true);
    expect(screen.queryByTestId('field-help-slug')).toBeNull();
  });

  it('keeps a form without fieldsets as one list of fields', () => {
    renderForm({ resource: toClientResource(resource([{ name: 'title', type: 'text' }])) });
    expect(screen.queryAllByTestId('form-fieldset')).toEqual([]);
    expect(screen.getByTestId('form-field-title')).toBeTruthy();
  });

  it('groups the record page into titled sections', () => {
    render(
      <RecordFields columns={things.columns} row={{ id: '1', title: 'T', slug: 's', author: 'A', note: 'n' }} domain="blog" fieldsets={things.fieldsets} />,
      { wrapper: IntlWrapper },
    );
    const sections = screen.getAllByTestId('record-section');
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual(['Content', 'People', 'Other']);
    expect(sections[0]!.getAttribute('aria-labelledby')).toBe(sections[0]!.querySelector('h2')!.id);
    expect([...sections[2]!.querySelectorAll('[data-testid^="record-field-"]')].map((f) => f.getAttribute('data-testid'))).toEqual([
      'record-field-id',
      'record-field-note',
    ]);
  });

  it('leaves out a section whose columns are all hidden', () => {
    const sections = sectionsOf(
      things.columns.filter((c) => c.name !== 'author'),
      things.fieldsets,
    );
    // The last section, of the columns no fieldset names, is titled by the page in its language ("Other").
    expect(sections.map((s) => (s.other ? '(other)' : s.title))).toEqual(['Content', '(other)']);
  });
});

describe('the definition, resolved and sent to the browser', () => {
  it('keeps renderers, help and fieldsets as plain data through toClientResource', () => {
    const things = resource(
      [
        { name: 'status', type: 'enum', options: ['paid'], cell: { kind: 'badge', tones: { paid: 'success' } }, display: 'badge' },
        { name: 'bio', type: 'longtext', input: { kind: 'textarea', rows: 3 }, help: ' About them. ' },
      ],
      [{ title: 'Main', columns: ['status'] }],
    );
    const client = toClientResource(things);
    const status = client.columns.find((c) => c.name === 'status')!;
    const bio = client.columns.find((c) => c.name === 'bio')!;
    expect(status.cell).toEqual({ kind: 'badge', options: { tones: { paid: 'success' } } });
    expect(status.display).toEqual({ kind: 'badge', options: {} });
    expect(bio.input).toEqual({ kind: 'textarea', options: { rows: 3 } });
    expect(bio.help).toBe('About them.');
    expect(client.fieldsets).toEqual([{ title: 'Main', description: undefined, columns: ['status'] }]);
    // What a Server Component may pass to a client one: survives JSON and structured cloning unchanged.
    const plain = { columns: client.columns, fieldsets: client.fieldsets };
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    expect(structuredClone(plain)).toEqual(plain);
  });

  it('refuses at start-up what is not plain data or names no column', () => {
    const withCell = (cell: unknown) => () => resource([{ name: 'status', type: 'text', cell: cell as ColumnDef['cell'] }]);
    expect(withCell({ kind: 'badge', tones: { paid: () => 'success' } })).toThrow(/column "status": the options of cell "badge" must be plain JSON/);
    expect(withCell({ tones: {} })).toThrow(/cell must be a renderer's name/);
    expect(withCell(42)).toThrow(/cell must be a renderer's name/);
    expect(() => resource([{ name: 'a', type: 'text' }], [{ title: 'Main', columns: ['nope'] }])).toThrow(/fieldset "Main" names "nope"/);
    expect(() =>
      resource(
        [{ name: 'a', type: 'text' }],
        [
          { title: 'One', columns: ['a'] },
          { title: 'Two', columns: ['a'] },
        ],
      ),
    ).toThrow(/column "a" is in two fieldsets/);
    expect(() => resource([{ name: 'a', type: 'text' }], [{ title: ' ', columns: ['a'] }])).toThrow(/fieldset 1 needs a title/);
  });

  it('type-checks names and options in a definition', () => {
    const ok = defineResource({
      domain: 'blog',
      name: 'typed',
      table: 'public.typed',
      title: 'Typed',
      columns: [
        { name: 'id', type: 'bigint', cell: 'money', display: { kind: 'progress', max: 10 }, input: 'textarea', help: 'Any text.' },
        // @ts-expect-error -- not a registered renderer
        { name: 'a', type: 'text', cell: 'bagde' },
        // @ts-expect-error -- not a registered widget
        { name: 'b', type: 'text', input: 'markdwon' },
        // @ts-expect-error -- not a tone of the badge
        { name: 'c', type: 'text', cell: { kind: 'badge', tones: { paid: 'green' } } },
        // @ts-expect-error -- not an option of progress
        { name: 'd', type: 'integer', display: { kind: 'progress', maximum: 10 } },
      ],
      fieldsets: [{ title: 'All', columns: ['id'] }],
    });
    expect(ok.name).toBe('typed');
  });
});
