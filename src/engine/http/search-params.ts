import type { SearchParams } from '../list/list-query';

/** URLSearchParams → the record shape pages receive, keeping repeated keys as arrays. */
export function searchParamsToRecord(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}
