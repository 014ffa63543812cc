import { ListQueryError } from '../list/errors';
import { say } from '../i18n/say';
import { parseListQuery, type SearchParams } from '../list/list-query';
import type { Resource } from '../resources/types';
import { SavedViewInputError } from './errors';

import { POSITION_PARAMS } from '../shared/list-params';

/** A list's position, never part of a view: applying a view starts on its first page. */
export const PAGING_PARAMS = POSITION_PARAMS;

export const MAX_QUERY_LENGTH = 2000;

/**
 * The query string a view stores: the list URL's parameters without paging and without empty
 * values, validated by the list engine against the resource as this operator sees it (masked
 * columns cannot be filtered or sorted), so a view that could not be listed is never stored.
 * A problem is refused in words, naming the parameter.
 */
export function viewQuery(resource: Resource, raw: string): string {
  if (typeof raw !== 'string') throw new SavedViewInputError(say('views.noParams'));
  const given = new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw);
  const kept = new URLSearchParams();
  for (const [key, value] of given) {
    if ((PAGING_PARAMS as readonly string[]).includes(key) || value === '') continue;
    kept.append(key, value);
  }
  const params: SearchParams = {};
  for (const key of new Set(kept.keys())) {
    const values = kept.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  try {
    parseListQuery(resource, params);
  } catch (error) {
    if (error instanceof ListQueryError)
      throw new SavedViewInputError(say('views.cannotSave', { problems: error.problems.map((p) => `${p.param} ${p.message}`).join('; ') }));
    throw error;
  }
  const text = kept.toString();
  if (text.length > MAX_QUERY_LENGTH) throw new SavedViewInputError(say('views.tooLong', { length: text.length, max: MAX_QUERY_LENGTH }));
  return text;
}
