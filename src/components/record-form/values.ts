import type { ColumnType, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { keepsEmpty } from '@admin-hub/engine/values/empty';
import { arrayFormText } from '@admin-hub/engine/values/arrays';
import { compactJson, jsonDisplayText } from '@admin-hub/engine/values/json';

/**
 * Form values are strings, one per column, in the shape the engine's input schema accepts
 * (`inputSchema` in engine/records): the same conversion on the way in (row → form) and out
 * (form → payload), so an untouched field round-trips unchanged. No server code here: the
 * form, the conflict screen and the Server Actions all use it.
 */
export type FormValues = Record<string, string>;

/**
 * SQL NULL as a form value, in the columns where it differs from an empty text or array
 * (keepsEmpty). PostgreSQL text cannot hold the NUL character, so nothing typed collides with
 * it, and the engine refuses it in text should it ever arrive unconverted.
 */
export const NULL_VALUE = '\u0000';

type FormColumn = Pick<ResolvedColumn, 'type'> & Partial<Pick<ResolvedColumn, 'nullable' | 'required' | 'secret'>>;

export function toFormValue(column: FormColumn, value: unknown): string {
  if (column.secret) return ''; // write-only: the form starts empty, and empty keeps what is stored
  if (value === null || value === undefined)
    return keepsEmpty({ type: column.type, nullable: column.nullable ?? false, required: column.required ?? false }) ? NULL_VALUE : '';
  switch (column.type) {
    case 'boolean':
      return value === true || value === 'true' ? 'true' : 'false';
    case 'json':
      // The database's JSON text, indented token by token: every digit kept, JSON null as `null`.
      return jsonDisplayText(value, 2);
    case 'array':
      // Lines when they hold the items exactly, else JSON (NULL items, several dimensions): engine/values/arrays.ts.
      return Array.isArray(value) ? arrayFormText(value) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** Form values as the engine's input: NULL_VALUE is null. */
export function inputOf(values: FormValues): Record<string, string | null> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === NULL_VALUE ? null : v]));
}

export function formValuesOf(columns: readonly (FormColumn & Pick<ResolvedColumn, 'name'>)[], row: Record<string, unknown>): FormValues {
  return Object.fromEntries(columns.map((c) => [c.name, toFormValue(c, row[c.name])]));
}

/** Two form values mean the same thing (JSON ignores formatting, datetimes compare instants). */
export function sameValue(type: ColumnType, a: string, b: string): boolean {
  if (a === b) return true;
  if (a === '' || b === '' || a === NULL_VALUE || b === NULL_VALUE) return false;
  if (type === 'json') {
    // Same tokens, whatever the layout (never through JS numbers, which would make 1e+26 equal to its neighbours).
    const [x, y] = [compactJson(a), compactJson(b)];
    return x !== undefined && x === y;
  }
  if (type === 'bytes') return a.toLowerCase() === b.toLowerCase(); // hex digits in either case are the same bytes
  if (type === 'datetime') {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    return !Number.isNaN(x) && x === y;
  }
  if (type === 'array')
    return (
      a
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .join('\n') ===
      b
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .join('\n')
    );
  return false;
}

/**
 * What a form sends. On create, an empty field is left out so the column's default applies
 * (the engine still says "Required." for required ones), except an empty text the operator
 * chose (typed, then cleared, with NULL switched off) where empty is a value (keepsEmpty). On edit, only the fields the
 * operator changed are sent: a field nobody touched is never rewritten, so an untouched
 * NULL stays NULL and a conflict screen lists only real changes.
 */
export function payloadOf(
  mode: 'create' | 'update',
  columns: readonly (FormColumn & Pick<ResolvedColumn, 'name'>)[],
  values: FormValues,
  initial: FormValues,
): FormValues {
  const out: FormValues = {};
  for (const column of columns) {
    const value = values[column.name] ?? '';
    const chosenEmpty =
      value === '' && column.name in values && keepsEmpty({ type: column.type, nullable: column.nullable ?? false, required: column.required ?? false });
    if (mode === 'create' ? (value === '' && !chosenEmpty) || value === NULL_VALUE : sameValue(column.type, value, initial[column.name] ?? '')) continue;
    out[column.name] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Date-times: shown as a local date and time in an explicit time zone, sent as ISO 8601 with
// the offset that zone has at that moment ("2025-03-30T03:30:00+02:00").

/**
 * Minutes east of UTC that `timeZone` has at `instant` (DST-aware, from Intl). Read from the
 * "GMT+02:00" that Intl writes in English: arithmetic, never shown, so the locale is fixed.
 */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  if (timeZone === 'UTC' || Number.isNaN(instant.getTime())) return 0;
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** +01:00, -05:30, +00:00 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An ISO instant as the wall-clock time of `timeZone`, for <input type="datetime-local"> (seconds kept). */
export function isoToLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (iso === '' || Number.isNaN(instant.getTime())) return '';
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 19);
}

/**
 * A wall-clock time in `timeZone` as ISO 8601 with that zone's offset at that moment. A time
 * that a DST change skips or repeats gets one of the two offsets around the change; the ISO
 * string says which, so nothing is reinterpreted later.
 */
export function localToIso(local: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(local);
  if (!match) return '';
  const wall = `${match[1]}T${match[2]}${match[3] ?? ':00'}`;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc)) return '';
  let offset = zoneOffsetMinutes(new Date(asUtc), timeZone);
  for (let i = 0; i < 2; i++) offset = zoneOffsetMinutes(new Date(asUtc - offset * 60_000), timeZone);
  return `${wall}${formatOffset(offset)}`;
}
