import { parseValue } from '../list/values';
import { encodeRecordId as encodeKey } from '../shared/record-id';
import type { Resource } from '../resources/types';
import { keylessRowNotFound, RecordNotFoundError } from './errors';

/** A record's id in a URL (the rule is shared with the browser: shared/record-id.ts). */
export function encodeRecordId(resource: Pick<Resource, 'primaryKey'>, row: Record<string, unknown>): string {
  return encodeKey(resource.primaryKey, row);
}

/** Key values from a URL id, checked against the key columns' types; anything else is a 404. */
export function decodeRecordId(resource: Resource, id: string): unknown[] {
  if (resource.keyless) throw keylessRowNotFound(resource.title.toLowerCase());
  const parts = id.split(',');
  if (parts.length !== resource.primaryKey.length) throw new RecordNotFoundError(resource.title.toLowerCase());
  return parts.map((part, i) => {
    const column = resource.columns.find((c) => c.name === resource.primaryKey[i])!;
    let raw: string;
    try {
      raw = decodeURIComponent(part);
    } catch {
      throw new RecordNotFoundError(resource.title.toLowerCase());
    }
    const parsed = parseValue(column, raw);
    if (!parsed.ok) throw new RecordNotFoundError(resource.title.toLowerCase());
    return parsed.value;
  });
}
