'use client';

import { ExternalLink, Search, X } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { DecimalField, IntegerField, TextField } from './basic-fields';
import { KEY_SHAPE } from './key-shape';
import type { FieldProps, ReferenceInfo } from './types';

export interface ReferenceOption {
  key: string;
  label: string | undefined;
}

/** Why a search failed: the operator may not list the referenced resource, or anything else. */
export class ReferenceSearchError extends Error {
  constructor(readonly reason: 'forbidden' | 'failed') {
    super(reason === 'forbidden' ? 'You cannot list these.' : 'The search failed.');
  }
}

/**
 * Asks the referenced resource's JSON list API (same origin, so the session cookie goes with
 * it) for rows matching what was typed: key and label columns only, ten at most.
 */
export async function searchReferences(domain: string, reference: ReferenceInfo, term: string, signal?: AbortSignal): Promise<ReferenceOption[]> {
  const params = new URLSearchParams({ size: '10' });
  const cols = [reference.keyColumn, reference.labelColumn].filter((c): c is string => Boolean(c));
  params.set('cols', [...new Set(cols)].join(','));
  if (term && reference.searchable) params.set('q', term);
  const response = await fetch(`/api/d/${encodeURIComponent(domain)}/${encodeURIComponent(reference.resource)}?${params}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new ReferenceSearchError(response.status === 403 ? 'forbidden' : 'failed');
  const body = (await response.json()) as { rows: Record<string, unknown>[] };
  return body.rows.map((row) => ({
    key: String(row[reference.keyColumn]),
    label: reference.labelColumn && row[reference.labelColumn] != null ? String(row[reference.labelColumn]) : undefined,
  }));
}

/**
 * A foreign key: type to search the referenced rows (id + first searchable text column), pick
 * one with the mouse or the keyboard, or type an id directly. Without read access to the
 * referenced resource it is a plain input for the id.
 */
export function ReferenceField(props: FieldProps) {
  const { id, name, value, onChange, disabled, invalid, required, describedBy, column, domain, reference } = props;
  const t = useTranslations('form');
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ReferenceOption[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [failure, setFailure] = useState<ReferenceSearchError['reason']>('failed');
  const [active, setActive] = useState(0);
  const [label, setLabel] = useState(reference?.currentLabel);
  const [labelFor, setLabelFor] = useState(value);
  if (labelFor !== value) {
    // The value changed from outside (reset, conflict reload): forget the old label.
    setLabelFor(value);
    setLabel(options.find((o) => o.key === value)?.label);
  }

  useEffect(() => {
    if (!open || !reference?.readable) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setStatus('loading');
      searchReferences(domain, reference, query.trim(), controller.signal).then(
        (found) => {
          setOptions(found);
          setActive(0);
          setStatus('idle');
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setStatus('error');
          setFailure(error instanceof ReferenceSearchError ? error.reason : 'failed');
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, domain, reference]);

  if (!reference?.readable) {
    const Plain = reference?.keyType === 'integer' ? IntegerField : reference?.keyType === 'bigint' ? DecimalField : TextField;
    return <Plain {...props} />;
  }

  const typed = query.trim();
  const shape = KEY_SHAPE[reference.keyType];
  const direct = typed !== '' && (!shape || shape.test(typed)) && !options.some((o) => o.key === typed) ? [{ key: typed, label: undefined, direct: true }] : [];
  const choices: (ReferenceOption & { direct?: boolean })[] = [...options, ...direct];

  const choose = (option: ReferenceOption) => {
    onChange(option.key);
    setLabel(option.label);
    setLabelFor(option.key);
    setQuery('');
    setOpen(false);
  };

  return (
    <div className="relative flex flex-col gap-1" data-testid={`reference-${column.name}`}>
      <input type="hidden" name={name} value={value} />
      <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm" data-testid={`reference-value-${column.name}`}>
        {value ? (
          <>
            <span className="rounded-md border bg-muted/50 px-2 py-1">
              <code className="font-mono text-xs">{value}</code>
              {label ? <span className="ml-2">{label}</span> : null}
            </span>
            <Link
              href={`/d/${domain}/${reference.resource}/${encodeURIComponent(value)}`}
              target="_blank"
              className="text-muted-foreground hover:text-foreground"
              aria-label={t('reference.open', { resource: reference.title, id: value })}
            >
              <ExternalLink className="size-4" aria-hidden="true" />
            </Link>
            {!disabled && !required ? (
              <Button variant="ghost" size="icon-sm" aria-label={t('reference.clear', { field: column.label })} onClick={() => onChange('')}>
                <X aria-hidden="true" />
              </Button>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">{t('reference.noneChosen')}</span>
        )}
      </div>
      {!disabled ? (
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input
            id={id}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && choices[active] ? `${listId}-${active}` : undefined}
            aria-invalid={invalid || undefined}
            aria-required={required || undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            className="pl-8"
            placeholder={
              reference.searchable
                ? t('reference.searchPlaceholder', { resource: reference.title.toLowerCase() })
                : t('reference.pickPlaceholder', { resource: reference.title.toLowerCase() })
            }
            value={query}
            data-testid={`field-${column.name}`}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(true);
                setActive((a) => Math.min(a + 1, choices.length - 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter') {
                // Enter picks; it never submits the form from here.
                e.preventDefault();
                const pick = choices[active];
                if (open && pick) choose(pick);
              } else if (e.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
          {open ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={t('reference.matches', { resource: reference.title })}
              className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border bg-card p-1 shadow-md"
              data-testid={`reference-options-${column.name}`}
            >
              {status === 'loading' && choices.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">{t('reference.searching')}</li> : null}
              {status === 'error' ? <li className="px-2 py-1.5 text-sm text-destructive">{t(`reference.${failure}`)}</li> : null}
              {status === 'idle' && choices.length === 0 ? (
                <li className="px-2 py-1.5 text-sm text-muted-foreground">{typed ? t('reference.nothingMatches') : t('reference.typeToSearch')}</li>
              ) : null}
              {choices.map((option, i) => (
                <li
                  key={`${option.key}-${option.direct ? 'direct' : 'row'}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={cn('flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm', i === active && 'bg-accent text-accent-foreground')}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(option)}
                  data-testid="reference-option"
                  data-key={option.key}
                >
                  {option.direct ? (
                    <span>{t.rich('reference.useId', { id: option.key, code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}</span>
                  ) : (
                    <>
                      <code className="font-mono text-xs text-muted-foreground">{option.key}</code>
                      <span className="truncate">{option.label ?? ''}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
