'use client';

import { useState } from 'react';
import type { ResourceColumn, ResourceVisibleColumns } from './types';

/**
 * Which columns to show. Controlled when the page passes `visibleColumns` (to keep the choice
 * in the URL or storage); otherwise kept here, starting from the columns not marked `hidden`.
 */
export function useColumnVisibility<Row>(columns: Array<ResourceColumn<Row>>, controlled?: ResourceVisibleColumns) {
  const [own, setOwn] = useState<string[]>(() => columns.filter((c) => !c.hidden).map((c) => c.key));
  const keys = new Set(controlled?.keys ?? own);

  let visible = columns.filter((c) => keys.has(c.key));
  // Stale or mistyped keys must not leave an empty table with no way back.
  if (visible.length === 0 && columns[0]) visible = [columns[0]];

  function setVisibleKeys(next: string[]) {
    if (controlled) controlled.onChange(next);
    else setOwn(next);
  }

  return { visible, visibleKeys: visible.map((c) => c.key), setVisibleKeys };
}
