'use client';

import { PencilLine, RotateCcw, Trash2 } from 'lucide-react';
import { optionLabel } from '@/components/renderers/option-label';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { BulkCapabilities } from '@admin-hub/engine/records/bulk';
import type { ClientResource } from '@admin-hub/engine/resources/define';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { errorMessage } from './streams';
import type { BulkRequest } from './use-bulk-run';

export interface BulkBarProps {
  resource: ClientResource;
  /** What this operator may run here, decided by the server when it rendered the page. */
  capabilities: BulkCapabilities;
  /** Selected record ids (keys of the list's rows). */
  selected: string[];
  /** The list's filter as a query string (search, filters, trash): what "all matching" means. */
  query: string;
  /** Offer "select all rows matching this filter" (the whole page is ticked and more pages exist). */
  offerAllMatching: boolean;
  /** True while the list is showing the trash (restore rather than delete). */
  trash: boolean;
  running: boolean;
  onRun: (request: BulkRequest) => void;
}

/** What a confirmation asks: the action, and for "set" the field and the value, as the reader reads them. */
interface Asked {
  field: string;
  value: string;
}

type Step = { kind: 'menu' } | { kind: 'set' } | { kind: 'confirm'; request: Omit<BulkRequest, 'ids' | 'matching' | 'label'>; asked: Asked };

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** Each action's words in the list catalog: the run's label, the question, the confirming button. */
const KEYS = {
  delete: { label: 'bulkLabelDelete', question: 'bulkQuestionDelete', confirm: 'bulkConfirmDelete' },
  restore: { label: 'bulkLabelRestore', question: 'bulkQuestionRestore', confirm: 'bulkConfirmRestore' },
  set: { label: 'bulkLabelSet', question: 'bulkQuestionSet', confirm: 'bulkConfirmSet' },
} as const;

/** An input for one column's value, shaped by its type (enum and boolean as choices). */
function ValueInput({ column, value, onChange }: { column: ResolvedColumn; value: string; onChange: (value: string) => void }) {
  const t = useTranslations('list');
  if (column.type === 'enum' || column.type === 'boolean') {
    const options = column.type === 'boolean' ? ['true', 'false'] : [...(column.options ?? [])];
    return (
      <Select aria-label={t('newValue')} data-testid="bulk-set-value" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{column.nullable ? t('emptyOption') : t('choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {column.type === 'boolean' ? t(o === 'true' ? 'yes' : 'no') : optionLabel(column, o)}
          </option>
        ))}
      </Select>
    );
  }
  const type = column.type === 'date' ? 'date' : ['integer', 'bigint', 'number', 'money_cents'].includes(column.type) ? 'number' : 'text';
  return (
    <Input
      aria-label={t('newValue')}
      data-testid="bulk-set-value"
      className="w-48"
      type={type}
      value={value}
      placeholder={column.nullable ? t('emptyPlaceholder') : t('valuePlaceholder')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Whether the bar has anything to offer in this view (the trash restores; the list deletes). */
export function offersBulk(capabilities: BulkCapabilities | undefined, trash: boolean): boolean {
  if (!capabilities) return false;
  return capabilities.set || (trash ? capabilities.restore : capabilities.delete);
}

/**
 * The selection bar's bulk actions: Delete / Restore / Set field…, on the selected rows or,
 * after "select all N matching", on every row the filter matches (N counted exactly by the
 * server and confirmed before anything runs). The page passes what the server said this
 * operator may do, and the bar offers only that (the bulk route checks again).
 */
export function BulkBar({ resource, capabilities, selected, query, offerAllMatching, trash, running, onRun }: BulkBarProps) {
  const t = useTranslations('list');
  const base = `/api/d/${resource.domain}/${resource.name}/bulk`;
  const [all, setAll] = useState<{ query: string; count: number } | undefined>();
  const [counting, setCounting] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [step, setStep] = useState<Step>({ kind: 'menu' });
  const settable = resource.columns.filter((c) => capabilities.fields.includes(c.name));
  const [field, setField] = useState('');
  const [value, setValue] = useState('');

  // "All matching" holds for the filter it was counted on; another filter means counting again.
  const allMatching = all && all.query === query ? all : undefined;
  const scopeText = allMatching ? t('allMatchingScope', { count: allMatching.count }) : t('rows', { count: selected.length });
  const scopeCount = allMatching ? allMatching.count : selected.length;
  const words = (step: Extract<Step, { kind: 'confirm' }>) => ({ ...step.asked, scope: scopeText });

  if (!offersBulk(capabilities, trash)) return null;

  async function selectAllMatching() {
    setCounting(true);
    setProblem(undefined);
    try {
      const params = new URLSearchParams(query);
      params.set('count', 'exact');
      const response = await fetch(`${base}?${params}`);
      if (!response.ok) throw new Error(await errorMessage(response));
      const { matching } = (await response.json()) as { matching: number };
      setAll({ query, count: matching });
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setCounting(false);
    }
  }

  function confirmRun(request: Omit<BulkRequest, 'ids' | 'matching' | 'label'>, asked: Asked = { field: '', value: '' }) {
    setStep({ kind: 'confirm', request, asked });
  }

  function run(step: Extract<Step, { kind: 'confirm' }>) {
    const label = t(KEYS[step.request.action].label, words(step));
    onRun({ ...step.request, label, ...(allMatching ? { matching: allMatching } : { ids: selected }) });
    setStep({ kind: 'menu' });
  }

  function submitSet(event: FormEvent) {
    event.preventDefault();
    const column = resource.columns.find((c) => c.name === field);
    if (!column) return;
    const shown = value === '' ? t('emptyValue') : column.type === 'boolean' ? t(value === 'true' ? 'yes' : 'no') : t('quotedValue', { value });
    confirmRun({ action: 'set', field, value }, { field: column.label, value: shown });
  }

  if (step.kind === 'confirm') {
    return (
      <span className="flex flex-wrap items-center gap-2" data-testid="bulk-confirm">
        <span className="font-medium">{t(KEYS[step.request.action].question, words(step))}</span>
        <Button
          size="sm"
          variant={step.request.action === 'delete' ? 'destructive' : 'default'}
          onClick={() => run(step)}
          data-testid="bulk-confirm-run"
          disabled={running}
        >
          {t(KEYS[step.request.action].confirm, { count: scopeCount })}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'menu' })}>
          {t('cancel')}
        </Button>
      </span>
    );
  }

  if (step.kind === 'set') {
    const column = settable.find((c) => c.name === field);
    return (
      <form className="flex flex-wrap items-center gap-2" onSubmit={submitSet} data-testid="bulk-set-form">
        <Select
          aria-label={t('field')}
          data-testid="bulk-set-field"
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            setValue('');
          }}
        >
          <option value="">{t('fieldPlaceholder')}</option>
          {settable.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </Select>
        {column ? <ValueInput column={column} value={value} onChange={setValue} /> : null}
        <Button type="submit" size="sm" disabled={!column || running} data-testid="bulk-set-apply">
          {t('apply')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'menu' })}>
          {t('cancel')}
        </Button>
      </form>
    );
  }

  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
      {capabilities.delete && !trash ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => confirmRun({ action: 'delete' })} data-testid="bulk-delete">
          <Trash2 aria-hidden="true" /> {t('delete')}
        </Button>
      ) : null}
      {capabilities.restore && trash ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => confirmRun({ action: 'restore' })} data-testid="bulk-restore">
          <RotateCcw aria-hidden="true" /> {t('restore')}
        </Button>
      ) : null}
      {capabilities.set ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => setStep({ kind: 'set' })} data-testid="bulk-set">
          <PencilLine aria-hidden="true" /> {t('setField')}
        </Button>
      ) : null}
      {allMatching ? (
        <span className="text-sm" data-testid="bulk-all-selected">
          {t.rich('allSelected', { count: allMatching.count, strong })}{' '}
          <button type="button" className="cursor-pointer underline underline-offset-2" onClick={() => setAll(undefined)}>
            {t('onlyTicked', { count: selected.length })}
          </button>
        </span>
      ) : offerAllMatching ? (
        <button
          type="button"
          className="cursor-pointer text-sm underline underline-offset-2 disabled:opacity-50"
          onClick={selectAllMatching}
          disabled={counting || running}
          data-testid="bulk-select-all"
        >
          {counting ? t('countingMatches') : t('selectAllMatching')}
        </button>
      ) : null}
      {problem ? (
        <span className="text-sm text-destructive" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
