'use client';

import { useTranslations } from 'next-intl';
import { Checkbox } from '@/components/ui/checkbox';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';

/**
 * For a column where an empty text (or array) and NULL are different values (keepsEmpty in
 * engine/records/input-schema.ts): says which one the field holds and switches between them.
 * Typing into the field makes it a value again.
 */
export function NullSwitch({
  column,
  isNull,
  disabled,
  onChange,
}: {
  column: Pick<ResolvedColumn, 'name' | 'type'>;
  isNull: boolean;
  disabled?: boolean;
  onChange: (isNull: boolean) => void;
}) {
  const t = useTranslations('form');
  return (
    <label className="flex w-fit items-center gap-2 text-xs text-muted-foreground">
      <Checkbox checked={isNull} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={`null-${column.name}`} />
      {isNull ? t('nullSwitch.isNull') : column.type === 'array' ? t('nullSwitch.emptyList') : t('nullSwitch.emptyText')}
    </label>
  );
}
