'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { arrayItemText, Cell } from '@/components/resource-list/cell';
import { Badge } from '@/components/ui/badge';
import type { Fieldset, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { byteLength, formatSize } from '@admin-hub/engine/values/byte-size';
import { jsonDisplayText } from '@admin-hub/engine/values/json';
import { DownloadBytes } from '../record-form/fields/download-bytes';
import { renderMarkdown } from '../record-form/fields/markdown';
import { renderValue } from '../renderers/value-renderers';
import { sectionsOf } from '../renderers/sections';

/**
 * One value on the detail page: the renderer the definition names (`display`, else `cell`),
 * or the list's Cell (same formatting by type, foreign keys as links to the referenced
 * record), but whole: long text, JSON and arrays are not truncated.
 */
export function DetailValue({
  column,
  value,
  domain,
  masked,
  referenceLabel,
}: {
  column: ResolvedColumn;
  value: unknown;
  domain: string;
  masked?: boolean;
  referenceLabel?: string;
}): ReactNode {
  const t = useTranslations('record');
  const format = useFormatter();
  if (value === null || value === undefined) return <span className="text-muted-foreground italic">{t('value.empty')}</span>;
  if (masked)
    return (
      <span className="font-mono text-muted-foreground" title={t('value.hidden')}>
        {String(value)}
      </span>
    );
  const custom = renderValue(column.display ?? column.cell, { value, column, where: 'record', domain });
  if (custom !== undefined) return custom;
  if (column.references) {
    return (
      <span className="flex flex-wrap items-baseline gap-2">
        <Cell column={column} value={value} domain={domain} />
        {referenceLabel ? (
          <span className="text-muted-foreground" data-testid={`reference-label-${column.name}`}>
            {referenceLabel}
          </span>
        ) : null}
      </span>
    );
  }
  if (column.input?.kind === 'markdown' && typeof value === 'string') return <div className="flex flex-col gap-2">{renderMarkdown(value)}</div>;
  switch (column.type) {
    case 'text':
    case 'email':
      return <span className="break-words">{String(value)}</span>;
    case 'longtext':
      return <p className="whitespace-pre-wrap break-words">{String(value)}</p>;
    case 'json':
      // Focusable: a long value scrolls, and keyboard users must be able to scroll it too.
      return (
        <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-ring">
          {jsonDisplayText(value, 2)}
        </pre>
      );
    case 'bytes': {
      const hex = String(value);
      return (
        <span className="flex flex-col gap-2">
          <span className="flex items-center gap-2">
            <span data-testid={`bytes-size-${column.name}`}>{formatSize(byteLength(hex))}</span>
            <DownloadBytes hex={hex} filename={`${column.name}.bin`} testId={`download-${column.name}`} />
          </span>
          <code className="max-h-48 overflow-auto break-all font-mono text-xs text-muted-foreground">
            {hex.length > 2050 ? t('value.firstKilobyte', { hex: hex.slice(0, 2050) }) : hex}
          </code>
        </span>
      );
    }
    case 'array': {
      const items = value as unknown[];
      if (items.length === 0) return <span className="text-muted-foreground italic">{t('value.noItems')}</span>;
      return (
        <span className="flex flex-wrap gap-1">
          {items.map((item, i) => (
            <Badge key={i} variant="secondary" className={item === null ? 'italic' : undefined}>
              {arrayItemText(item)}
            </Badge>
          ))}
        </span>
      );
    }
    case 'datetime': {
      // On the record page the zone matters: the time to the second in the operator's zone, named
      // (GMT+9), above the exact text the database gave (microseconds, UTC).
      const text = String(value);
      const instant = /^\d{4}-\d{2}-\d{2}T[^ ]*Z$/.test(text) ? new Date(text) : undefined;
      return (
        <span className="flex flex-col">
          {instant && !Number.isNaN(instant.getTime()) ? (
            <time dateTime={text} className="tabular-nums">
              {format.dateTime(instant, { dateStyle: 'medium', timeStyle: 'long' })}
            </time>
          ) : (
            <Cell column={column} value={value} domain={domain} />
          )}
          <code className="font-mono text-xs text-muted-foreground">{text}</code>
        </span>
      );
    }
    case 'money_cents':
      return (
        <span>
          <Cell column={column} value={value} domain={domain} />{' '}
          <span className="text-xs text-muted-foreground">{t('value.cents', { value: String(value) })}</span>
        </span>
      );
    default:
      return <Cell column={column} value={value} domain={domain} />;
  }
}

/** Every column of the record, label beside value; in the definition's sections when it has fieldsets. */
export function RecordFields({
  columns,
  row,
  domain,
  masked = [],
  referenceLabels = {},
  fieldsets = [],
}: {
  columns: ResolvedColumn[];
  row: Record<string, unknown>;
  domain: string;
  masked?: string[];
  referenceLabels?: Record<string, string | undefined>;
  /** ResourceDef.fieldsets: one titled section each, then the other columns. */
  fieldsets?: readonly Fieldset[];
}) {
  const t = useTranslations('renderers');
  const list = (shown: ResolvedColumn[], testId?: string) => (
    <FieldList columns={shown} row={row} domain={domain} masked={masked} referenceLabels={referenceLabels} testId={testId} />
  );
  if (fieldsets.length === 0) return list(columns, 'record-fields');
  return (
    <div className="flex flex-col gap-6" data-testid="record-fields">
      {sectionsOf(columns, fieldsets).map((section, i) => (
        <section key={i} aria-labelledby={`record-section-${i}`} className="flex flex-col gap-3" data-testid="record-section">
          <div className="flex flex-col gap-0.5 border-b pb-2">
            <h2 id={`record-section-${i}`} className="text-base font-semibold">
              {section.other ? t('otherSection') : section.title}
            </h2>
            {section.description ? <p className="text-sm text-muted-foreground">{section.description}</p> : null}
          </div>
          {list(section.columns)}
        </section>
      ))}
    </div>
  );
}

function FieldList({
  columns,
  row,
  domain,
  masked,
  referenceLabels,
  testId,
}: {
  columns: ResolvedColumn[];
  row: Record<string, unknown>;
  domain: string;
  masked: string[];
  referenceLabels: Record<string, string | undefined>;
  testId?: string;
}) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[minmax(8rem,14rem)_1fr]" data-testid={testId}>
      {columns.map((column) => (
        <div key={column.name} className="contents" data-testid={`record-field-${column.name}`}>
          <dt className="text-sm font-medium text-muted-foreground">{column.label}</dt>
          <dd className="min-w-0 text-sm" data-testid={`record-value-${column.name}`}>
            <DetailValue
              column={column}
              value={row[column.name]}
              domain={domain}
              masked={masked.includes(column.name)}
              referenceLabel={referenceLabels[column.name]}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}
