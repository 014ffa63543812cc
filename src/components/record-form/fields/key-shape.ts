import type { ColumnType } from '@admin-hub/engine/resources/types';

/** What an id typed in full looks like, by key type: a picker offers "use this id" only for one that could be. */
export const KEY_SHAPE: Partial<Record<ColumnType, RegExp>> = {
  integer: /^-?\d{1,10}$/,
  bigint: /^-?\d{1,19}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};
