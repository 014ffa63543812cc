import type { FormValues } from './values';

/**
 * What an operator typed into a record form, kept in this browser tab (sessionStorage) when a
 * save is refused because their session ended: they sign in again, come back to the form, and
 * it comes back as they left it. Kept with the version and values the form was opened on, so a
 * restored edit of a record someone changed meanwhile still ends on the conflict screen rather
 * than overwriting their change.
 */
export interface FormDraft {
  /** The row version the form was opened on (edit), null for a new record. */
  version: string | null;
  /** The values the form was opened with: an edit sends only what differs from these. */
  initial: FormValues;
  /** Every field as the operator left it. */
  values: FormValues;
  savedAt: number;
}

/** One draft per form: the record's resource and id (or "new"). */
export function draftKey(domain: string, resource: string, id: string | undefined): string {
  return `admin-hub:form-draft:${domain}/${resource}/${id === undefined ? '+new' : id}`;
}

const isValues = (v: unknown): v is FormValues =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export function readDraft(key: string): FormDraft | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<FormDraft>;
    if (!isValues(draft.values) || !isValues(draft.initial) || (draft.version !== null && typeof draft.version !== 'string')) return undefined;
    return { version: draft.version, initial: draft.initial, values: draft.values, savedAt: Number(draft.savedAt) || 0 };
  } catch {
    return undefined; // storage disabled or unreadable: nothing to restore
  }
}

export function saveDraft(key: string, draft: Omit<FormDraft, 'savedAt'>): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // Storage full or disabled: the values are still in the open form.
  }
}

export function clearDraft(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // nothing kept, nothing to clear
  }
}
