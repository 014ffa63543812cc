'use client';

import { Command } from 'cmdk';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { formatRecordLabel } from '@admin-hub/engine/resources/record-label';
import { KEY_SHAPE } from '@/components/record-form/fields/key-shape';

interface Option {
  id: string;
  label: string | undefined;
}

/** Why the search failed, for the picker to say in the reader's language. */
class SearchFailure extends Error {
  constructor(readonly forbidden: boolean) {
    super(forbidden ? 'forbidden' : 'failed');
  }
}

/**
 * Rows of the referenced resource matching what was typed, named by its record label, from
 * its JSON list API (same origin: the operator's session and access apply, masks included;
 * a masked label is not shown).
 */
async function findRows(domain: string, column: ResolvedColumn, term: string, signal: AbortSignal): Promise<Option[]> {
  const reference = column.references!;
  const label = reference.target?.recordLabel;
  const params = new URLSearchParams({ size: '10', cols: [...new Set([reference.column, ...(label?.columns ?? [])])].join(',') });
  if (term && reference.target?.searchable) params.set('q', term);
  const response = await fetch(`/api/d/${encodeURIComponent(domain)}/${encodeURIComponent(reference.resource)}?${params}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new SearchFailure(response.status === 403);
  const body = (await response.json()) as { rows: Record<string, unknown>[] };
  return body.rows.map((row) => {
    const text = label ? formatRecordLabel(label, row) : undefined;
    return { id: String(row[reference.column]), label: text && !text.includes('***') ? text : undefined };
  });
}

/**
 * "Customer: Maja Murphy": type a name, email or id, pick a row with arrows and Enter (cmdk's
 * combobox), and the list is filtered by that row's key. An id typed in full can be used as is.
 */
export function ReferenceFilter({
  column,
  domain,
  onChoose,
  focusOnMount = false,
}: {
  column: ResolvedColumn;
  domain: string;
  onChoose: (id: string) => void;
  /** Take the focus when mounted, unless a field has it (set when this was loaded after its popover opened). */
  focusOnMount?: boolean;
}) {
  const t = useTranslations('list');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount && !(document.activeElement instanceof HTMLInputElement)) input.current?.focus();
  }, [focusOnMount]);
  const [term, setTerm] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [status, setStatus] = useState<{ loading: boolean; failure?: 'forbidden' | 'failed' }>({ loading: false });
  const target = column.references?.target;
  const singular = target?.singular.toLowerCase() ?? t('row');
  const failure =
    status.failure === 'forbidden'
      ? target
        ? t('cannotList', { title: target.title.toLowerCase() })
        : t('cannotListThese')
      : status.failure === 'failed'
        ? t('searchFailed')
        : undefined;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus({ loading: true });
      findRows(domain, column, term.trim(), controller.signal).then(
        (found) => {
          setOptions(found);
          setStatus({ loading: false });
        },
        (error: Error) => {
          if (!controller.signal.aborted) setStatus({ loading: false, failure: error instanceof SearchFailure && error.forbidden ? 'forbidden' : 'failed' });
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [domain, column, term]);

  const typed = term.trim();
  const shape = KEY_SHAPE[target?.keyType ?? column.type];
  const direct = typed !== '' && (!shape || shape.test(typed)) && !options.some((o) => o.id === typed);
  return (
    <Command shouldFilter={false} label={t('findLabel', { label: column.label, singular })} className="flex flex-col gap-2">
      <Command.Input
        ref={input}
        value={term}
        onValueChange={setTerm}
        placeholder={t('findPlaceholder', { singular })}
        className="flex h-9 w-full rounded-md border border-input bg-card px-3 text-sm focus-visible:outline-2 focus-visible:outline-ring/40"
        data-testid={`filter-${column.name}-search`}
      />
      {/* Outside the listbox, which may hold only options: the search's progress and its failure. */}
      <p role="status" className="px-2 text-xs text-muted-foreground empty:hidden">
        {failure ?? (status.loading && options.length === 0 ? t('searching') : '')}
      </p>
      <Command.List className="max-h-64 overflow-y-auto" data-testid={`filter-${column.name}-options`}>
        <Command.Empty className="px-2 py-1 text-xs text-muted-foreground">{t('nothingFound')}</Command.Empty>
        {options.map((option) => (
          <Command.Item
            key={option.id}
            value={option.id}
            onSelect={() => onChoose(option.id)}
            className="flex cursor-pointer items-baseline justify-between gap-2 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-muted"
            data-testid="filter-option"
          >
            <span className="truncate">{option.label ?? `#${option.id}`}</span>
            {option.label ? <span className="shrink-0 text-xs text-muted-foreground tabular-nums">#{option.id}</span> : null}
          </Command.Item>
        ))}
        {direct ? (
          <Command.Item
            value={`#${typed}`}
            onSelect={() => onChoose(typed)}
            className="cursor-pointer rounded px-2 py-1.5 text-sm data-[selected=true]:bg-muted"
          >
            {t('useId', { id: typed })}
          </Command.Item>
        ) : null}
      </Command.List>
    </Command>
  );
}
