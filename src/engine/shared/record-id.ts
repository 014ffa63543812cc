/**
 * A record's id in a URL, as the engine and the browser both write and read it: its
 * primary-key values, each URI-encoded, joined by ",". A comma inside a value is encoded
 * (%2C), so composite keys split unambiguously. Browser-safe: imports nothing.
 */
export function encodeRecordId(primaryKey: readonly string[], row: Record<string, unknown>): string {
  return primaryKey.map((k) => encodeURIComponent(String(row[k]))).join(',');
}

/** One URL segment decoded; a broken %-escape is shown as it was typed (it names no record, and the engine says so). */
export function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The id as an operator reads and types it: the key values, joined by ",". */
export function displayRecordId(id: string): string {
  return id.split(',').map(decodeSegment).join(',');
}
