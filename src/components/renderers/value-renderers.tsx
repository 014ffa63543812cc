import { useFormatter, useTranslations } from 'next-intl';
import { optionLabel } from './option-label';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { RendererRef, ResolvedColumn } from '@admin-hub/engine/resources/types';
import { renderMarkdown } from '../record-form/fields/markdown';
import { centsToAmount, exactDecimal, formatMoney } from './exact-number';
import type { ValueRendererName, ValueRenderers } from './names';

/** What a value renderer is given: a value that is not NULL, its column, the definition's options, and where it is shown. */
export interface ValueRendererProps<N extends ValueRendererName = ValueRendererName> {
  value: unknown;
  column: ResolvedColumn;
  options: Readonly<ValueRenderers[N]>;
  /** `list`: a table cell (one line, compact); `record`: the record page (whole). */
  where: 'list' | 'record';
  domain: string;
}

export type ValueRenderer<N extends ValueRendererName = ValueRendererName> = (props: ValueRendererProps<N>) => ReactNode;

/** Addresses a link or an image may point at: never javascript:, data: or anything a browser would run. */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A value the renderer cannot show its way (a masked value, text where a number was expected) is shown as text. */
function plain(value: unknown): ReactNode {
  return <span className="break-words">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
}

function BadgeValue({ value, column, options }: ValueRendererProps<'badge'>) {
  const text = String(value);
  const tone = options.tones?.[text] ?? 'outline';
  return (
    <Badge variant={tone} data-renderer="badge" data-tone={tone}>
      {optionLabel(column, text)}
    </Badge>
  );
}

function MoneyValue({ value, column, options }: ValueRendererProps<'money'>) {
  const format = useFormatter();
  // The database's digits, never through a JS number: int8 and numeric amounts keep every one.
  const amount = exactDecimal(value);
  if (amount === undefined) return plain(value);
  const currency = options.currency ?? column.currency ?? 'EUR';
  const text = formatMoney(format, options.cents ? centsToAmount(amount) : amount, currency);
  if (text === undefined) return plain(value); // an unknown currency code: the number as the database holds it
  return (
    <span className="whitespace-nowrap tabular-nums" title={String(value)} data-renderer="money">
      {text}
    </span>
  );
}

function ProgressValue({ value, options, where }: ValueRendererProps<'progress'>) {
  const t = useTranslations('renderers');
  const amount = numeric(value);
  if (amount === undefined) return plain(value);
  const max = options.max && options.max > 0 ? options.max : 100;
  const share = Math.min(1, Math.max(0, amount / max));
  return (
    <span className="inline-flex items-center gap-2" data-renderer="progress">
      <span
        role="progressbar"
        aria-valuenow={amount}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-label={t('progress', { value: String(value), max })}
        className={`relative h-2 overflow-hidden rounded-full bg-muted ${where === 'list' ? 'w-16' : 'w-40'}`}
      >
        <span className="absolute inset-y-0 left-0 rounded-full bg-primary" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </span>
      <span className="tabular-nums">{String(value)}</span>
    </span>
  );
}

function LinkValue({ value, options, where }: ValueRendererProps<'link'>) {
  const href = String(value);
  if (!SAFE_URL.test(href)) return plain(value);
  const text = options.label ?? href.replace(/^(https?:\/\/|mailto:)/i, '');
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`font-medium text-primary underline decoration-primary/30 underline-offset-2 hover:decoration-primary ${where === 'list' ? 'inline-block max-w-72 truncate align-bottom' : 'break-all'}`}
      title={href}
      onClick={(e) => e.stopPropagation()}
      data-renderer="link"
    >
      {text}
    </a>
  );
}

function ImageValue({ value, column, options, where }: ValueRendererProps<'image'>) {
  const src = String(value);
  if (!/^https?:\/\//i.test(src)) return plain(value);
  const size = options.size ?? (where === 'list' ? 32 : 160);
  return (
    // A plain img: the address is the operator's data, on any host; next/image would need each host configured.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={options.alt ?? column.label}
      title={src}
      loading="lazy"
      referrerPolicy="no-referrer"
      style={{ height: size, width: 'auto', maxWidth: where === 'list' ? size * 3 : '100%' }}
      className="rounded-sm object-contain"
      data-renderer="image"
    />
  );
}

function MarkdownValue({ value, where }: ValueRendererProps<'markdown'>) {
  const text = String(value);
  if (where === 'list') {
    const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
    const line = first.replace(/^#+\s*|[*_`]/g, '').trim();
    return (
      <span className="text-muted-foreground" data-renderer="markdown">
        {line.length > 100 ? `${line.slice(0, 99)}…` : line}
      </span>
    );
  }
  return (
    <div className="flex flex-col gap-2" data-renderer="markdown">
      {renderMarkdown(text)}
    </div>
  );
}

/**
 * The value renderers by name. `satisfies` keeps this list and names.ts in step: a name
 * declared there without a component here, or a component under a name not declared, does not
 * compile.
 */
const valueRenderers = {
  badge: BadgeValue,
  money: MoneyValue,
  progress: ProgressValue,
  link: LinkValue,
  image: ImageValue,
  markdown: MarkdownValue,
} satisfies { [N in ValueRendererName]: ValueRenderer<N> };

/** Names the registry knows, for tests and messages. */
export const valueRendererNames = Object.keys(valueRenderers) as ValueRendererName[];

/**
 * The column's value through the renderer its definition names (`cell` in a list; `display`,
 * else `cell`, on the record page), or undefined when it names none, or a name this build does
 * not know (a definition the compiler did not check): the caller then shows it by type.
 */
export function renderValue(ref: RendererRef | undefined, props: Omit<ValueRendererProps, 'options'>): ReactNode | undefined {
  if (!ref || !Object.hasOwn(valueRenderers, ref.kind)) return undefined;
  const Renderer = valueRenderers[ref.kind as ValueRendererName] as ValueRenderer;
  return <Renderer {...props} options={ref.options as ValueRenderers[ValueRendererName]} />;
}
