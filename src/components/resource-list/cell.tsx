import Link from 'next/link';
import { optionLabel } from '@/components/renderers/option-label';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { byteLength, formatSize } from '@admin-hub/engine/values/byte-size';
import { jsonDisplayText } from '@admin-hub/engine/values/json';
import { renderValue } from '@/components/renderers/value-renderers';
import { minorToUnits } from './filters/money';

type Formatter = ReturnType<typeof useFormatter>;

/**
 * Whole minor units as money in the reader's locale, with the currency's own minor units (KRW
 * none, EUR two). The amount goes to Intl as decimal text (minorToUnits moves the point in the
 * digits), which Intl.NumberFormat formats exactly (ES2023): no float ever holds it. next-intl's
 * formatter hands the value straight to Intl; its type only names numbers, hence the cast.
 */
function money(format: Formatter, minor: unknown, currency = 'EUR'): string {
  const raw = typeof minor === 'number' && Number.isSafeInteger(minor) ? String(minor) : typeof minor === 'bigint' ? minor.toString() : minor;
  const units = typeof raw === 'string' && /^-?\d+$/.test(raw) ? minorToUnits(raw, currency) : undefined;
  try {
    return format.number((units ?? Number(minor)) as number, { style: 'currency', currency });
  } catch {
    return String(minor); // a currency code Intl does not know: the database's number as it is
  }
}

/** One array item as text: NULL as NULL (not "null" or empty), a nested array as JSON. */
export function arrayItemText(item: unknown): string {
  if (item === null) return 'NULL';
  return Array.isArray(item) ? JSON.stringify(item) : String(item);
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One table cell, rendered by the renderer the column's definition names (`cell: 'badge'`,
 * src/components/renderers), else from the column's type. Every list page uses this, so a new
 * type is taught here once rather than in each page. `domain` turns foreign keys into links,
 * named by the referenced record's `label` when the page has it ("Ada Lovelace", the id beside it).
 */
export function Cell({ column, value, domain, label }: { column: ResolvedColumn; value: unknown; domain: string; label?: string }): ReactNode {
  const t = useTranslations('list');
  const format = useFormatter();
  if (value === null || value === undefined) return null;
  const custom = renderValue(column.cell, { value, column, where: 'list', domain });
  if (custom !== undefined) return custom;
  if (column.references) {
    const id = String(value);
    return (
      <Link
        className="inline-flex max-w-72 items-baseline gap-1.5 font-medium text-primary underline decoration-primary/30 underline-offset-2 hover:decoration-primary"
        href={`/d/${domain}/${column.references.resource}/${encodeURIComponent(id)}`}
        onClick={(e) => e.stopPropagation()}
        title={label ? t('referenceTitle', { label, id }) : undefined}
        data-testid="reference-link"
      >
        {label ? (
          <>
            <span className="truncate">{label}</span>
            <span className="shrink-0 text-xs font-normal text-muted-foreground tabular-nums">#{id}</span>
          </>
        ) : (
          <span className="tabular-nums">{id}</span>
        )}
      </Link>
    );
  }
  switch (column.type) {
    case 'boolean':
      return <Badge variant={value ? 'success' : 'secondary'}>{value ? t('yes') : t('no')}</Badge>;
    case 'enum':
      return <Badge variant="outline">{optionLabel(column, value)}</Badge>;
    case 'timestamp':
      // A wall-clock time without a zone: exactly the database's text, never labelled UTC.
      return (
        <span className="whitespace-nowrap tabular-nums" title={String(value)}>
          {String(value)}
        </span>
      );
    case 'datetime': {
      // An ISO instant is shortened to the minute in the operator's time zone; on hover, to the
      // second with the zone's name, and the exact text the database gave. Anything else
      // (infinity, a BC instant, a timestamp without time zone) is shown as the database holds it.
      const text = String(value);
      const instant = /^\d{4}-\d{2}-\d{2}T[^ ]*Z$/.test(text) ? new Date(text) : undefined;
      if (!instant || Number.isNaN(instant.getTime()))
        return (
          <span className="whitespace-nowrap tabular-nums" title={text}>
            {text}
          </span>
        );
      return (
        <time
          dateTime={text}
          title={t('instantTitle', { local: format.dateTime(instant, { dateStyle: 'medium', timeStyle: 'long' }), exact: text })}
          className="whitespace-nowrap tabular-nums"
        >
          {format.dateTime(instant, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      );
    }
    case 'date':
      return <span className="whitespace-nowrap tabular-nums">{String(value)}</span>;
    case 'money_cents':
      return <span className="whitespace-nowrap tabular-nums">{money(format, value, column.currency)}</span>;
    case 'integer':
      // Counts read better grouped (12,345); an id, a year or a domain-typed code is a name (2001, not 2,001): ColumnDef.grouping.
      return <span className="tabular-nums">{typeof value === 'number' && column.grouping ? format.number(value) : String(value)}</span>;
    case 'number':
      // Every digit the database gave: a float is its shortest exact text, never rounded to 3 places.
      return <span className="tabular-nums">{String(value)}</span>;
    case 'bigint':
      return <span className="tabular-nums">{String(value)}</span>;
    case 'array':
      return (
        <span className="flex flex-wrap gap-1">
          {(value as unknown[]).slice(0, 4).map((item, i) => (
            <Badge key={i} variant="secondary" className={item === null ? 'italic' : undefined}>
              {truncate(arrayItemText(item), 24)}
            </Badge>
          ))}
          {(value as unknown[]).length > 4 ? <span className="text-xs text-muted-foreground">+{(value as unknown[]).length - 4}</span> : null}
        </span>
      );
    case 'json':
      return <code className="font-mono text-xs text-muted-foreground">{truncate(jsonDisplayText(value), 60)}</code>;
    case 'longtext':
      return <span className="text-muted-foreground">{truncate(String(value), 100)}</span>;
    case 'bytes':
      // The first bytes as hex and the size; the whole value on the record page (and in exports).
      return (
        <span className="whitespace-nowrap font-mono text-xs" title={`${formatSize(byteLength(String(value)))}`}>
          {truncate(String(value), 26)} <span className="text-muted-foreground">{formatSize(byteLength(String(value)))}</span>
        </span>
      );
    case 'uuid':
      return <code className="font-mono text-xs">{String(value)}</code>;
    default:
      return truncate(String(value), 120);
  }
}
