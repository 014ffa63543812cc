// Version-independent (vitest.config.ts): React components in jsdom.
// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render as renderBare, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockedReason, RecordForm, type RecordFormProps } from '../../src/components/record-form/record-form';
import { checkJson } from '../../src/components/record-form/fields/json-field';
import { renderMarkdown } from '../../src/components/record-form/fields/markdown';
import { customField, registeredFields } from '../../src/components/record-form/fields/registry';
import type { ReferenceInfo } from '../../src/components/record-form/fields/types';
import { idleState, type RecordFormState } from '../../src/components/record-form/state';
import { formValuesOf, inputOf, isoToLocal, localToIso, NULL_VALUE, payloadOf, sameValue, toFormValue } from '../../src/components/record-form/values';
import { RecordButtons } from '../../src/components/record-view/record-buttons';
import { parseInput } from '../../src/engine/records/input-schema';
import { resolveResource, toClientResource } from '../../src/engine/resources/define';
import type { ColumnDef } from '../../src/engine/resources/types';
import { MAX_FORM_BYTES } from '../../src/engine/values/bytes';
import en from '../../src/i18n/messages/en';
import { IntlWrapper } from '../support/intl';

/** Renders inside the English catalog, as the root layout's NextIntlClientProvider does. */
const render = (ui: ReactElement) => renderBare(ui, { wrapper: IntlWrapper });

const refresh = vi.fn();
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh }),
  usePathname: () => '/d/blog/things/new',
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  refresh.mockReset();
  window.sessionStorage.clear();
});

function thingsResource(extra: ColumnDef[] = []) {
  return resolveResource({
    domain: 'blog',
    name: 'things',
    table: 'public.things',
    title: 'Things',
    softDelete: 'deleted_at',
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'slug', type: 'text', required: true, nullable: false, maxLength: 40 },
      { name: 'body', type: 'longtext' },
      { name: 'qty', type: 'integer' },
      { name: 'big', type: 'bigint' },
      { name: 'ratio', type: 'number' },
      { name: 'price', type: 'money_cents', currency: 'EUR' },
      { name: 'ok', type: 'boolean' },
      { name: 'day', type: 'date' },
      { name: 'at', type: 'datetime' },
      { name: 'mood', type: 'enum', options: ['sad', 'glad'] },
      { name: 'meta', type: 'json' },
      { name: 'tags', type: 'array' },
      { name: 'uid', type: 'uuid' },
      { name: 'mail', type: 'email' },
      { name: 'deleted_at', type: 'datetime', readOnly: true },
      ...extra,
    ],
  });
}

type Action = RecordFormProps['action'];

/** A stand-in Server Action: records each FormData and answers `answer`. */
function fakeAction(answer: RecordFormState = idleState) {
  const calls: Record<string, string>[] = [];
  const action = vi.fn<Action>(async (_state, form) => {
    calls.push(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])));
    return answer;
  });
  return { action, calls };
}

function renderForm(overrides: Partial<RecordFormProps> & { resource?: RecordFormProps['resource'] } = {}) {
  const props: RecordFormProps = {
    resource: toClientResource(thingsResource()),
    mode: 'create',
    initial: {},
    action: fakeAction().action,
    title: 'Things: new record',
    cancelHref: '/d/blog/things',
    ...overrides,
  };
  return render(<RecordForm {...props} />);
}

const input = (column: string) => screen.getByTestId(`field-${column}`) as HTMLInputElement;
const change = (column: string, value: string) => fireEvent.change(input(column), { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.submit(screen.getByTestId('record-form'));
  });
};

describe('fields by type', () => {
  it('offers a secret as a blind field that starts empty and sends only a new value', async () => {
    const resource = thingsResource([{ name: 'api_key', type: 'text', secret: true, nullable: false }]);
    const row = { id: '12', slug: 'old', api_key: '***', deleted_at: null };
    const { action, calls } = fakeAction();
    renderForm({
      resource: toClientResource(resource),
      mode: 'update',
      id: '12',
      version: '1',
      initial: formValuesOf(resource.columns, row),
      action,
      masked: ['api_key'],
    });
    expect(input('api_key').type).toBe('password');
    expect(input('api_key').value).toBe(''); // never the stored value, nor ***
    expect(input('api_key').disabled).toBe(false); // masked for everyone, yet writable
    expect(input('api_key').getAttribute('aria-required')).toBeNull(); // NOT NULL, but left empty it is kept
    change('slug', 'new');
    await submit();
    expect(calls[0]).not.toHaveProperty('api_key'); // left empty: kept
    change('api_key', 'sk_live_123');
    await submit();
    expect(calls[1]).toMatchObject({ api_key: 'sk_live_123' });
  });

  it('uploads a file into a bytea field byte for byte, refuses one over the limit before reading it, and clears', async () => {
    const resource = thingsResource([{ name: 'file', type: 'bytes' }]);
    const { action, calls } = fakeAction();
    renderForm({ resource: toClientResource(resource), action });
    expect(input('file').type).toBe('file');
    const upload = async (file: File) =>
      act(async () => {
        fireEvent.change(input('file'), { target: { files: [file] } });
        await new Promise((r) => setTimeout(r, 20)); // the file is read asynchronously
      });

    await upload(new File([new Uint8Array(MAX_FORM_BYTES + 1)], 'big.bin'));
    expect(screen.getByTestId('bytes-refused-file').textContent).toBe('big.bin is 384.0 KB; at most 384.0 KB can be saved from a form.');
    expect(screen.getByTestId('bytes-size-file').textContent).toBe('No value.');

    await upload(new File([new Uint8Array([0x0a, 0x00, 0xff])], 'small.bin'));
    expect(screen.queryByTestId('bytes-refused-file')).toBeNull();
    expect(screen.getByTestId('bytes-size-file').textContent).toBe('3 bytes: \\x0a00ff');
    change('slug', 'with-a-file');
    await submit();
    expect(calls[0]).toMatchObject({ slug: 'with-a-file', file: '\\x0a00ff' });
    expect(parseInput(resource, 'create', { slug: 'x', file: calls[0]!.file! })).toEqual({ ok: true, values: { slug: 'x', file: '\\x0a00ff' } });

    fireEvent.click(screen.getByTestId('clear-file'));
    expect(screen.getByTestId('bytes-size-file').textContent).toBe('No value.');
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('renders the input for each type and converts what is typed into what the server schema accepts', async () => {
    const resource = thingsResource();
    const { action, calls } = fakeAction();
    renderForm({ resource: toClientResource(resource), action });

    // The right control per type.
    expect(input('slug').type).toBe('text');
    expect(input('slug').maxLength).toBe(40);
    expect(input('body').tagName).toBe('TEXTAREA');
    expect(input('qty').type).toBe('number');
    expect(input('big').type).toBe('text'); // bigint stays text: no rounding past 2^53
    expect(input('ok').type).toBe('checkbox');
    expect(input('ok').indeterminate).toBe(true); // "default" until touched
    expect(input('day').type).toBe('date');
    expect(input('at').type).toBe('datetime-local');
    expect(input('mood').tagName).toBe('SELECT');
    expect(input('meta').tagName).toBe('TEXTAREA');
    expect(input('tags').tagName).toBe('TEXTAREA');
    expect(input('mail').type).toBe('email');
    // Read-only and soft-delete columns are not offered on create.
    expect(screen.queryByTestId('form-field-id')).toBeNull();
    expect(screen.queryByTestId('form-field-deleted_at')).toBeNull();

    change('slug', 'first');
    change('body', 'long\ntext');
    change('qty', '42');
    change('big', '9007199254740993');
    change('ratio', '3.142');
    change('price', '1999');
    expect(screen.getByTestId('money-price').textContent).toBe('= €19.99');
    fireEvent.click(input('ok'));
    change('day', '2025-02-28');
    // The date-time in an explicit zone: UTC here, so the test does not depend on the machine's.
    fireEvent.change(screen.getByTestId('zone-at'), { target: { value: 'utc' } });
    expect(screen.getByTestId('offset-at').textContent).toBe('UTC+00:00');
    change('at', '2025-03-01T10:11:12');
    expect(screen.getByTestId('iso-at').textContent).toContain('2025-03-01T10:11:12+00:00');
    change('mood', 'glad');
    change('meta', '{"a":[1,2]}');
    change('tags', 'x\n\ny\n');
    expect(screen.getByTestId('array-count-tags').textContent).toContain('2 items');
    fireEvent.click(screen.getByRole('button', { name: 'New random Uid' }));
    expect(input('uid').value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    change('mail', 'ada@example.com');

    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    const sent = calls[0]!;
    expect(sent).toMatchObject({
      $mode: 'create',
      $domain: 'blog',
      $resource: 'things',
      slug: 'first',
      body: 'long\ntext',
      qty: '42',
      big: '9007199254740993',
      ratio: '3.142',
      price: '1999',
      ok: 'true',
      day: '2025-02-28',
      at: '2025-03-01T10:11:12+00:00',
      mood: 'glad',
      meta: '{"a":[1,2]}',
      tags: 'x\n\ny\n',
      mail: 'ada@example.com',
    });
    expect(sent).not.toHaveProperty('id');
    expect(sent).not.toHaveProperty('$version');

    // The server's schema turns those strings into the values PostgreSQL gets.
    const values = Object.fromEntries(Object.entries(sent).filter(([k]) => !k.startsWith('$')));
    const parsed = parseInput(resource, 'create', values);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.values).toMatchObject({
      qty: 42,
      big: '9007199254740993',
      ratio: '3.142',
      price: '1999',
      ok: true,
      at: '2025-03-01T10:11:12+00:00', // as the form sent it, with its offset: PostgreSQL reads it exactly
      mood: 'glad',
      meta: '{"a":[1,2]}', // JSON goes to the database as its text (big numbers and arrays intact)
      tags: ['x', 'y'],
    });
  });

  it('leaves empty fields out on create, so column defaults apply', async () => {
    const { action, calls } = fakeAction();
    renderForm({ action });
    change('slug', 'only-this');
    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    expect(Object.keys(calls[0]!).filter((k) => !k.startsWith('$'))).toEqual(['slug']);
  });

  it('round-trips a row into form values and back', () => {
    const resource = thingsResource();
    const row = { id: '7', slug: 's', qty: 3, ok: false, meta: { b: true }, tags: ['p', 'q'], at: '2025-01-02T03:04:05.000Z', mood: null };
    const values = formValuesOf(resource.columns, row);
    expect(values).toMatchObject({ id: '7', qty: '3', ok: 'false', meta: '{\n  "b": true\n}', tags: 'p\nq', at: '2025-01-02T03:04:05.000Z', mood: '' });
    expect(toFormValue({ type: 'boolean' }, true)).toBe('true');
    // Same meaning, different text: not a change.
    expect(sameValue('json', '{"b":true}', values.meta!)).toBe(true);
    expect(sameValue('datetime', '2025-01-02T04:04:05+01:00', values.at!)).toBe(true);
    expect(payloadOf('update', resource.columns, { ...values, meta: '{"b": true}', qty: '4' }, values)).toEqual({ qty: '4' });
  });
});

describe('date-times with an explicit offset', () => {
  it('shows an instant as wall-clock time in a zone and sends ISO with that zone’s offset at that moment', () => {
    expect(isoToLocal('2025-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe('2025-07-01T14:00:00');
    expect(isoToLocal('2025-01-15T12:00:00.000Z', 'Europe/Berlin')).toBe('2025-01-15T13:00:00');
    expect(localToIso('2025-07-01T14:00', 'Europe/Berlin')).toBe('2025-07-01T14:00:00+02:00');
    expect(localToIso('2025-01-15T07:00:30', 'America/New_York')).toBe('2025-01-15T07:00:30-05:00');
    expect(localToIso('2025-06-01T10:00', 'Asia/Kolkata')).toBe('2025-06-01T10:00:00+05:30');
    expect(localToIso('2025-06-01T10:00', 'UTC')).toBe('2025-06-01T10:00:00+00:00');
    // Round trip across a DST change, and the ISO parses to the same instant.
    const iso = localToIso('2025-03-30T03:30', 'Europe/Berlin');
    expect(iso).toBe('2025-03-30T03:30:00+02:00');
    expect(isoToLocal(iso, 'Europe/Berlin')).toBe('2025-03-30T03:30:00');
    expect(localToIso('not a date', 'UTC')).toBe('');
  });
});

describe('JSON field', () => {
  it('flags invalid JSON as it is typed and refuses to submit it', async () => {
    const { action } = fakeAction();
    renderForm({ action });
    change('slug', 'j');
    change('meta', '{"a": 1,');
    const status = screen.getByTestId('json-status-meta');
    expect(status.getAttribute('data-valid')).toBe('false');
    expect(status.textContent?.trim()).toMatch(/^Not valid JSON: /);
    expect(input('meta').getAttribute('aria-invalid')).toBe('true');
    await submit();
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByTestId('field-error-meta').textContent).toBe('Not valid JSON.');

    change('meta', '{"a": 1}');
    expect(screen.getByTestId('json-status-meta').getAttribute('data-valid')).toBe('true');
    expect(screen.queryByTestId('field-error-meta')).toBeNull(); // messages follow typing after a first attempt
    fireEvent.click(within(screen.getByTestId('json-status-meta')).getByRole('button', { name: 'Format' }));
    expect(input('meta').value).toBe('{\n  "a": 1\n}');
    await submit();
    expect(action).toHaveBeenCalledTimes(1);
    expect(checkJson('  ')).toEqual({ ok: 'empty' });
  });
});

describe('required fields', () => {
  it('marks them, and says "Required." under each one left empty', async () => {
    const { action } = fakeAction();
    renderForm({ action });
    const label = screen.getByText('Slug', { selector: 'label' });
    expect(label.textContent).toContain('*');
    expect(label.textContent).toContain('(required)');
    await submit();
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByTestId('field-error-slug').textContent).toBe('Required.');
    expect(input('slug').getAttribute('aria-invalid')).toBe('true');
    expect(input('slug').getAttribute('aria-describedby')).toContain(screen.getByTestId('field-error-slug').id);
    // Too long for the column: the schema's message, before anything is sent.
    change('slug', 'x'.repeat(41));
    expect(screen.getByTestId('field-error-slug').textContent).toBe('At most 40 characters.');
  });
});

/** NOT NULL columns with and without a default, and nullable ones, as the database has them. */
function notesResource() {
  return resolveResource({
    domain: 'blog',
    name: 'notes',
    table: 'public.notes',
    title: 'Notes',
    columns: [
      { name: 'id', type: 'bigint', readOnly: true },
      { name: 'title', type: 'text', nullable: false },
      { name: 'kind', type: 'enum', options: ['memo', 'todo'], nullable: false },
      { name: 'body', type: 'longtext', nullable: false },
      { name: 'due', type: 'date', nullable: false },
      { name: 'done', type: 'boolean', nullable: false },
      { name: 'priority', type: 'integer', nullable: false, hasDefault: true },
      { name: 'starts_at', type: 'datetime', nullable: false, hasDefault: true },
      { name: 'note', type: 'text' },
    ],
  });
}

describe('required means required, in the browser and on the server', () => {
  const notes = notesResource();
  const requiredOnCreate = ['title', 'kind', 'body', 'due', 'done'];
  const label = (column: string) => screen.getByTestId(`form-field-${column}`).querySelector('label')!.textContent!;

  it('marks NOT NULL columns without a default on create (*, aria-required), and says which have a default', () => {
    renderForm({ resource: toClientResource(notes) });
    for (const column of requiredOnCreate) {
      expect(label(column)).toContain('*');
      expect(label(column)).toContain('(required)');
      expect(input(column).getAttribute('aria-required')).toBe('true');
    }
    for (const column of ['priority', 'starts_at', 'note']) {
      expect(label(column)).not.toContain('*');
      expect(input(column).getAttribute('aria-required')).toBeNull();
    }
    expect(screen.getByTestId('form-field-priority').textContent).toContain('Leave empty for the table’s default.');
    expect(screen.getByTestId('form-field-starts_at').textContent).toContain('Leave empty for the table’s default.');
    expect(screen.getByTestId('form-field-note').textContent).toContain('Optional.');
    // Nothing under a required field suggests a default that does not exist.
    for (const column of requiredOnCreate) expect(screen.getByTestId(`form-field-${column}`).textContent).not.toMatch(/default/i);
  });

  it('reports every empty required field at once on one submit, and the server’s schema says the same', async () => {
    const { action } = fakeAction();
    renderForm({ resource: toClientResource(notes), action });
    await submit();
    expect(action).not.toHaveBeenCalled();
    for (const column of requiredOnCreate) expect(screen.getByTestId(`field-error-${column}`).textContent).toBe('Required.');
    expect(screen.queryByTestId('field-error-priority')).toBeNull();
    expect(screen.queryByTestId('field-error-note')).toBeNull();

    const server = parseInput(notes, 'create', {});
    expect(server.ok).toBe(false);
    expect(!server.ok && server.fieldErrors).toEqual(Object.fromEntries(requiredOnCreate.map((c) => [c, 'Required.'])));
    // Only blanks in a required text field are empty too.
    const blanks = parseInput(notes, 'create', { title: '   ', kind: 'memo', body: 'b', due: '2025-01-01', done: 'false' });
    expect(!blanks.ok && blanks.fieldErrors).toEqual({ title: 'Required.' });
  });

  it('refuses to empty a NOT NULL column on edit (text included), while a nullable text keeps empty and NULL apart', async () => {
    const row = {
      id: '3',
      title: 'Keep me',
      kind: 'memo',
      body: 'text',
      due: '2025-01-01',
      done: true,
      priority: 2,
      starts_at: '2025-01-01T00:00:00.000Z',
      note: 'n',
    };
    const { action, calls } = fakeAction();
    renderForm({ resource: toClientResource(notes), mode: 'update', id: '3', version: '9', initial: formValuesOf(notes.columns, row), action });
    // On edit every NOT NULL column is required, defaults or not.
    for (const column of [...requiredOnCreate, 'priority', 'starts_at']) expect(input(column).getAttribute('aria-required')).toBe('true');
    expect(input('note').getAttribute('aria-required')).toBeNull();

    change('title', '');
    change('priority', '');
    await submit();
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByTestId('field-error-title').textContent).toBe('Required.');
    expect(screen.getByTestId('field-error-priority').textContent).toBe('Required.');

    change('title', 'Kept');
    change('priority', '3');
    change('note', '');
    // Emptied, the nullable text says it will be saved as empty text; its NULL switch is off.
    expect((screen.getByTestId('null-note') as HTMLInputElement).checked).toBe(false);
    await submit();
    expect(calls[0]).toMatchObject({ title: 'Kept', priority: '3', note: '' });
    // Switched to NULL, the field sends NULL (as the NUL marker the server action turns into null).
    fireEvent.click(screen.getByTestId('null-note'));
    expect(input('note').value).toBe('');
    await submit();
    expect(calls[1]).toMatchObject({ note: NULL_VALUE });
    expect(inputOf({ note: calls[1]!.note! })).toEqual({ note: null });
    // A NOT NULL column has no NULL switch.
    expect(screen.queryByTestId('null-title')).toBeNull();

    // The server: '' in a NOT NULL text column is refused, never stored as ''; in a nullable one '' is empty text, null is NULL.
    const refused = parseInput(notes, 'update', { title: '', body: '' });
    expect(!refused.ok && refused.fieldErrors).toEqual({ title: 'Required.', body: 'Required.' });
    expect(parseInput(notes, 'update', { note: '' })).toEqual({ ok: true, values: { note: '' } });
    expect(parseInput(notes, 'update', { note: null })).toEqual({ ok: true, values: { note: null } });
    // A NULL record shows the switch on.
    cleanup();
    renderForm({
      resource: toClientResource(notes),
      mode: 'update',
      id: '3',
      version: '9',
      initial: formValuesOf(notes.columns, { ...row, note: null }),
      action,
    });
    expect((screen.getByTestId('null-note') as HTMLInputElement).checked).toBe(true);
    // An edit that leaves a required field alone is not asked for it.
    expect(parseInput(notes, 'update', { priority: '4' })).toEqual({ ok: true, values: { priority: 4 } });
  });
});

describe('a save refused because the session ended', () => {
  const resource = thingsResource();
  const row = { id: '12', slug: 'old', qty: 1, ok: true, deleted_at: null };
  const ended: RecordFormState = { status: 'error', code: 401, message: 'Your session has ended, so nothing was done. Sign in again, then try once more.' };
  const openEdit = (version: string, action = fakeAction(ended).action) =>
    renderForm({ mode: 'update', id: '12', version, initial: formValuesOf(resource.columns, row), action });

  it('stays on the form with a sign-in link back to it, and keeps what was typed', async () => {
    openEdit('777');
    change('slug', 'typed-before-expiry');
    change('qty', '5');
    await submit();
    expect(screen.getByTestId('form-error').textContent).toContain('Your session has ended');
    // The form, which keeps the draft, says so (the action's words are the same for every action).
    expect(screen.getByTestId('draft-kept').textContent).toBe('What you typed is kept in this browser tab and comes back when you return to this form.');
    const link = screen.getByTestId('session-sign-in');
    expect(link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent('/d/blog/things/new')}`);
    expect(input('slug').value).toBe('typed-before-expiry');
    // Kept for this tab, with the version the form was opened on.
    const kept = JSON.parse(window.sessionStorage.getItem('admin-hub:form-draft:blog/things/12')!);
    expect(kept).toMatchObject({ version: '777', values: { slug: 'typed-before-expiry', qty: '5' }, initial: { slug: 'old', qty: '1' } });
    // Typing on after the refusal keeps the draft up to date.
    change('qty', '6');
    expect(JSON.parse(window.sessionStorage.getItem('admin-hub:form-draft:blog/things/12')!).values.qty).toBe('6');
  });

  it('comes back with a notice when the form is opened again, and saves only the changes, on the version it was opened on', async () => {
    openEdit('777');
    change('slug', 'typed-before-expiry');
    await submit();
    cleanup(); // signed in again, back on the form

    const { action, calls } = fakeAction();
    openEdit('777', action);
    expect(screen.getByTestId('draft-restored').textContent).toContain('Your unsaved changes are back');
    expect(screen.getByTestId('draft-restored').textContent).not.toContain('Someone has changed this record');
    expect(input('slug').value).toBe('typed-before-expiry');
    await submit();
    expect(calls[0]).toEqual({ $mode: 'update', $domain: 'blog', $resource: 'things', $id: '12', $version: '777', slug: 'typed-before-expiry' });
    expect(window.sessionStorage.getItem('admin-hub:form-draft:blog/things/12')).toBeNull();
  });

  it('restores onto a record changed since with its old version, so saving shows the conflict instead of overwriting', async () => {
    openEdit('777');
    change('slug', 'mine');
    await submit();
    cleanup();

    openEdit('778');
    expect(screen.getByTestId('draft-restored').textContent).toContain('Someone has changed this record since you opened it');
    expect((screen.getByTestId('record-version') as HTMLInputElement).value).toBe('777');
    fireEvent.click(screen.getByTestId('draft-discard'));
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(input('slug').value).toBe('old');
    expect((screen.getByTestId('record-version') as HTMLInputElement).value).toBe('778');
    expect(window.sessionStorage.getItem('admin-hub:form-draft:blog/things/12')).toBeNull();
  });
});

describe('edit form', () => {
  const resource = thingsResource();
  const row = { id: '12', slug: 'old', qty: 1, ok: true, meta: { a: 1 }, tags: ['x'], at: '2025-01-02T03:04:05.000Z', deleted_at: null };

  it('sends only the changed fields, with the version it was opened on; keys and read-only columns are disabled', async () => {
    const { action, calls } = fakeAction();
    renderForm({ mode: 'update', id: '12', version: '777', initial: formValuesOf(resource.columns, row), action });
    expect((screen.getByTestId('record-version') as HTMLInputElement).value).toBe('777');
    expect(input('id').disabled).toBe(true);
    expect(input('deleted_at').disabled).toBe(true);
    expect(screen.getByTestId('form-field-id').textContent).toContain('Set by the database.');
    change('qty', '2');
    await submit();
    expect(calls[0]).toEqual({ $mode: 'update', $domain: 'blog', $resource: 'things', $id: '12', $version: '777', qty: '2' });
  });

  it('shows the server’s field messages under the fields and its form message on top', async () => {
    const { action } = fakeAction({
      status: 'invalid',
      fieldErrors: { slug: 'This slug is already used.' },
      formError: 'Some fields need your attention.',
      values: { slug: 'taken' },
    });
    renderForm({ mode: 'update', id: '12', version: '1', initial: formValuesOf(resource.columns, row), action });
    change('slug', 'taken');
    await submit();
    expect(screen.getByTestId('field-error-slug').textContent).toBe('This slug is already used.');
    expect(screen.getByTestId('form-error').textContent).toContain('Some fields need your attention.');
    // Focus lands on the field the server named, not on <body>.
    expect(document.activeElement).toBe(input('slug'));
    // Typing in the field clears its server message; the value typed stays.
    change('slug', 'taken-2');
    expect(screen.queryByTestId('field-error-slug')).toBeNull();
    expect(input('slug').value).toBe('taken-2');
  });

  it('shows a conflict with theirs and yours; "Save mine anyway" re-sends mine with the current version', async () => {
    const theirsRow = { ...row, slug: 'theirs', qty: 5 };
    const conflict: RecordFormState = {
      status: 'conflict',
      theirsRow,
      theirs: formValuesOf(resource.columns, theirsRow),
      version: '778',
      yours: { slug: 'mine' },
    };
    const { action, calls } = fakeAction(conflict);
    renderForm({ mode: 'update', id: '12', version: '777', initial: formValuesOf(resource.columns, row), action });
    change('slug', 'mine');
    await submit();
    const screenEl = screen.getByTestId('conflict-screen');
    expect(within(screenEl).getByTestId('conflict-theirs-slug').textContent).toBe('theirs');
    expect(within(screenEl).getByTestId('conflict-yours-slug').textContent).toBe('mine');
    expect(within(screenEl).getByTestId('conflict-row-slug').getAttribute('data-clash')).toBe('true');
    // qty changed only on their side: listed, "not changed by you".
    expect(within(screenEl).getByTestId('conflict-theirs-qty').textContent).toBe('5');
    expect(within(screenEl).getByTestId('conflict-yours-qty').textContent).toBe('not changed by you');
    expect((screen.getByTestId('record-save') as HTMLButtonElement).disabled).toBe(true);

    await act(async () => fireEvent.click(screen.getByTestId('conflict-save-mine')));
    expect(calls[1]).toMatchObject({ $version: '778', $id: '12', slug: 'mine' });
    fireEvent.click(screen.getByTestId('conflict-keep-theirs'));
    expect(refresh).toHaveBeenCalled();
  });

  it('shows a refusal (403/404) as a message, never a stack', async () => {
    const { action } = fakeAction({ status: 'error', code: 403, message: 'You may not edit things in Blog: that needs the editor role.' });
    renderForm({ mode: 'update', id: '12', version: '1', initial: formValuesOf(resource.columns, row), action });
    change('qty', '3');
    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('You may not edit things in Blog: that needs the editor role.');
    expect(screen.queryByTestId('session-sign-in')).toBeNull();
  });
});

describe('foreign-key picker', () => {
  it('searches the referenced resource’s list API and shows id + label; picking sets the value', async () => {
    const resource = thingsResource([{ name: 'author_id', type: 'integer', references: { resource: 'authors' } }]);
    const reference: ReferenceInfo = {
      resource: 'authors',
      title: 'Authors',
      keyColumn: 'id',
      keyType: 'integer',
      labelColumn: 'name',
      searchable: true,
      readable: true,
    };
    const fetchMock = vi.fn(async (url: string) => {
      expect(url).toContain('/api/d/blog/authors?');
      const q = new URL(url, 'http://x').searchParams;
      expect(q.get('cols')).toBe('id,name');
      const rows = [
        { id: 1, name: 'Ada Lovelace' },
        { id: 2, name: 'Grace Hopper' },
      ].filter((r) => r.name.toLowerCase().includes((q.get('q') ?? '').toLowerCase()));
      return new Response(JSON.stringify({ rows }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { action, calls } = fakeAction();
    renderForm({ resource: toClientResource(resource), references: { author_id: reference }, action });
    const box = input('author_id');
    expect(box.getAttribute('role')).toBe('combobox');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'grace' } });
    await waitFor(() => expect(screen.getAllByTestId('reference-option').map((o) => o.textContent)).toEqual(['2Grace Hopper']));
    expect(fetchMock.mock.calls.at(-1)![0]).toContain('q=grace');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByTestId('reference-value-author_id').textContent).toContain('Grace Hopper');
    change('slug', 'with-author');
    await submit();
    expect(calls[0]).toMatchObject({ author_id: '2' });
  });

  it('offers a typed id directly, and is a plain input without read access', async () => {
    const resource = thingsResource([{ name: 'author_id', type: 'integer', references: { resource: 'authors' } }]);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ rows: [] }), { status: 200 })),
    );
    const readable: ReferenceInfo = {
      resource: 'authors',
      title: 'Authors',
      keyColumn: 'id',
      keyType: 'integer',
      labelColumn: 'name',
      searchable: true,
      readable: true,
    };
    const { unmount } = renderForm({ resource: toClientResource(resource), references: { author_id: readable } });
    fireEvent.focus(input('author_id'));
    fireEvent.change(input('author_id'), { target: { value: '42' } });
    await waitFor(() => expect(screen.getByText('Use id')).toBeTruthy());
    fireEvent.click(screen.getAllByTestId('reference-option').at(-1)!);
    expect(screen.getByTestId('reference-value-author_id').textContent).toContain('42');
    unmount();

    renderForm({ resource: toClientResource(resource), references: { author_id: { ...readable, readable: false } } });
    expect(input('author_id').type).toBe('number');
    expect(input('author_id').getAttribute('role')).toBeNull();
  });
});

describe('custom field renderers', () => {
  it('ships "markdown": a column with input: "markdown" gets Write / Preview', () => {
    expect(registeredFields()).toContain('markdown');
    const resource = thingsResource([{ name: 'notes', type: 'longtext', input: 'markdown' }]);
    renderForm({ resource: toClientResource(resource) });
    expect(screen.getByTestId('markdown-notes')).toBeTruthy();
    change('notes', '# Title\n\nSome **bold** and a [link](https://example.com) and [bad](javascript:alert(1))\n\n- one\n- two');
    fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    const preview = screen.getByTestId('markdown-preview-notes');
    expect(preview.querySelector('h1')?.textContent).toBe('Title');
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    expect(preview.querySelectorAll('li')).toHaveLength(2);
    expect([...preview.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com']); // no javascript: links
    // The textarea is still in the form while previewing.
    expect(input('notes').value).toContain('# Title');
  });

  it('uses the widget a column names, with its options, and falls back to the type for a name the compiler did not check', async () => {
    expect(registeredFields()).toEqual(expect.arrayContaining(['markdown', 'textarea', 'color']));
    expect(customField('nope')).toBeUndefined();
    const resource = thingsResource([
      { name: 'colour', type: 'text', input: 'color' },
      { name: 'summary', type: 'text', input: { kind: 'textarea', rows: 3 } },
      // A definition from outside the compiler (plain JS) may name anything: the field for its type is used.
      // @ts-expect-error -- not a registered widget: a compile error in a definition
      { name: 'plain', type: 'integer', input: 'nope' },
    ]);
    const { action, calls } = fakeAction();
    renderForm({ resource: toClientResource(resource), action });
    expect(input('summary').tagName).toBe('TEXTAREA');
    expect(input('summary').getAttribute('rows')).toBe('3');
    expect(input('plain').type).toBe('number');
    fireEvent.change(screen.getByTestId('color-colour'), { target: { value: '#ff8800' } });
    expect(input('colour').value).toBe('#ff8800');
    change('slug', 's');
    change('summary', 'two\nlines');
    await submit();
    expect(calls[0]).toMatchObject({ colour: '#ff8800', summary: 'two\nlines' });
  });

  it('renders markdown without ever producing HTML from the text', () => {
    render(<div data-testid="md">{renderMarkdown('<img src=x onerror=alert(1)> `code` *em*')}</div>);
    const md = screen.getByTestId('md');
    expect(md.querySelector('img')).toBeNull();
    expect(md.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(md.querySelector('code')?.textContent).toBe('code');
    expect(md.querySelector('em')?.textContent).toBe('em');
  });
});

describe('record buttons', () => {
  it('deletes for good only once the id is typed, and confirms custom actions first', async () => {
    const hardDelete = vi.fn(async () => ({ error: 'Other rows still refer to this one (in posts). Remove or change them first.' }));
    const custom = vi.fn(async () => ({ ok: 'Shouted.' }));
    render(
      <RecordButtons
        target={{ domain: 'blog', resource: 'authors', id: '12' }}
        displayId="12"
        name="Authors 12 (Ada)"
        editHref="/d/blog/authors/12/edit"
        hardDelete={{ action: hardDelete, referrers: ['3 posts (by author)'] }}
        customActions={[{ name: 'shout', label: 'Shout the name', confirm: 'Make the name upper-case?', action: custom }]}
      />,
    );
    expect(screen.getByTestId('record-edit').getAttribute('href')).toBe('/d/blog/authors/12/edit');
    const trigger = screen.getByTestId('record-hard-delete');
    fireEvent.click(trigger);
    const dialog = screen.getByTestId('hard-delete-dialog');
    // A real modal: an alert dialog named by its title, focus on the field to type in.
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Delete Authors 12 (Ada) for good?');
    expect(document.activeElement).toBe(screen.getByTestId('hard-delete-confirm-input'));
    expect(dialog.textContent).toContain('Delete Authors 12 (Ada) for good?');
    expect(dialog.textContent).toContain('3 posts (by author)');
    const confirm = screen.getByTestId('hard-delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('hard-delete-confirm-input'), { target: { value: '1' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('hard-delete-confirm-input'), { target: { value: '12' } });
    expect(confirm.disabled).toBe(false);
    await act(async () => fireEvent.submit(screen.getByTestId('hard-delete-form')));
    expect(hardDelete).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('hard-delete-message').textContent).toContain('Other rows still refer to this one');
    // Escape cancels, and focus goes back to the button that opened it.
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('hard-delete-dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger)); // Radix returns focus on the next tick

    fireEvent.click(screen.getByTestId('record-action-shout'));
    expect(custom).not.toHaveBeenCalled();
    expect(screen.getByTestId('record-action-confirm-shout').textContent).toContain('Make the name upper-case?');
    await act(async () => fireEvent.click(screen.getByTestId('record-action-run-shout')));
    expect(custom).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('record-action-message-shout').textContent).toContain('Shouted.');
  });
});

describe('why a field is locked', () => {
  it('says a computed column is computed, not set by the database', () => {
    const resource = resolveResource({
      domain: 'market',
      name: 'lines',
      table: 'lines',
      title: 'Lines',
      columns: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'qty', type: 'integer' },
      ],
      computed: { double_qty: { sql: 'qty * 2', type: 'integer' } },
    });
    const reason = (name: string) =>
      lockedReason(
        resource,
        resource.columns.find((c) => c.name === name)!,
        'update',
        [],
      );
    expect([reason('double_qty'), reason('id'), reason('qty')]).toEqual(['computed', 'readOnly', undefined]);
    expect([en.form.locked.computed, en.form.locked.readOnly]).toEqual(['Computed from the other fields.', 'Set by the database.']);
  });
});
