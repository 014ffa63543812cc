import { maskValue } from '../auth/access';
import type { Row } from '../db/query';
import type { Resource } from '../resources/types';

/** A masked column is stored masked, whoever acted: the audit log must not become a way around a mask. */
function masked(resource: Resource, row: Row | undefined): Row | undefined {
  if (!row) return row;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const column = resource.columns.find((c) => c.name === key);
    out[key] = column?.mask ? maskValue(column, value) : value;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to record for a write: for an update only the columns that changed (before and
 * after); for create the new row; for delete the row that went.
 */
export function describeChanges(resource: Resource, before: Row | undefined, after: Row | undefined): { before?: Row; after?: Row } | null {
  const b = masked(resource, before);
  const a = masked(resource, after);
  if (b && a) {
    const changedBefore: Row = {};
    const changedAfter: Row = {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      // Compared unmasked, recorded masked: a new password is listed as changed (*** → ***), never in clear.
      if (!same(before![key], after![key])) {
        changedBefore[key] = b[key] ?? null;
        changedAfter[key] = a[key] ?? null;
      }
    }
    return Object.keys(changedAfter).length ? { before: changedBefore, after: changedAfter } : null;
  }
  if (a) return { after: a };
  if (b) return { before: b };
  return null;
}
