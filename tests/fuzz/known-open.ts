import type { FuzzAnswer, FuzzRequest } from './send';

/**
 * TEMPORARY. Failures the fuzz suite finds in code being changed elsewhere right now (list,
 * introspection, resources, search, db-errors, input-schema), excluded from its assertion
 * until that work lands. Each entry names the request it matches and what is wrong; the
 * suite still counts and prints every match, so an entry that no longer matches anything is
 * visible and can go. This list is meant to be emptied, not grown.
 */
export interface KnownOpen {
  /** What is wrong, in a sentence, and where the fix belongs. */
  reason: string;
  matches(request: FuzzRequest, answer: FuzzAnswer): boolean;
}

export const KNOWN_OPEN: KnownOpen[] = [];
