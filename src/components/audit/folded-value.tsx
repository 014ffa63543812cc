'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { fullLength, valueText } from './change-values';

/** Up to this many characters show unfolded; longer values start folded. */
export const FOLD_CHARS = 300;

/**
 * One stored value in a diff: long ones folded to their first few lines with a "Show all"
 * toggle, so a 5,000-character text neither floods the page nor crowds out its neighbour. Text
 * wraps anywhere it must (long words, URLs, JSON) and keeps its own line breaks.
 */
export function FoldedValue({ value, className }: { value: unknown; className?: string }) {
  const t = useTranslations('audit');
  const [open, setOpen] = useState(false);
  const id = useId();
  const text = valueText(value);
  if (text === undefined) return <span className="text-muted-foreground italic">{t('empty')}</span>;
  const length = fullLength(value) ?? text.length;
  const foldable = length > FOLD_CHARS;
  // A value the list clipped cannot be unfolded from what is at hand: say how long it is.
  const incomplete = length > text.length;
  return (
    <div className={cn('min-w-0', className)} data-testid="folded-value" data-length={length}>
      <div id={id} className="font-mono text-xs break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
        {foldable && !open ? `${text.slice(0, FOLD_CHARS).trimEnd()}…` : text}
      </div>
      {foldable && !incomplete ? (
        <button
          type="button"
          className="mt-1 cursor-pointer text-xs font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          data-testid="folded-toggle"
        >
          {open ? t('showLess') : t('showAll', { count: length })}
        </button>
      ) : null}
      {incomplete ? <p className="mt-1 text-xs text-muted-foreground">{t('characters', { count: length })}</p> : null}
    </div>
  );
}
