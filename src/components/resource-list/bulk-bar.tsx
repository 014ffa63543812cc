'use client';

import { PencilLine, RotateCcw, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
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

const format = (n: number) => n.toLocaleString('en-US');
const rowsText = (n: number) => `${format(n)} row${n === 1 ? '' : 's'}`;

type Step = { kind: 'menu' } | { kind: 'set' } | { kind: 'confirm'; request: Omit<BulkRequest, 'ids' | 'matching' | 'label'>; verb: string };

/** An input for one column's value, shaped by its type (enum and boolean as choices). */
function ValueInput({ column, value, onChange }: { column: ResolvedColumn; value: string; onChange: (value: string) => void }) {
  if (column.type === 'enum' || column.type === 'boolean') {
    const options = column.type === 'boolean' ? ['true', 'false'] : [...(column.options ?? [])];
    return (
      <Select aria-label="New value" data-testid="bulk-set-value" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{column.nullable ? '(empty)' : 'Choose…'}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {column.type === 'boolean' ? (o === 'true' ? 'yes' : 'no') : o}
          </option>
        ))}
      </Select>
    );
  }
  const type = column.type === 'date' ? 'date' : ['integer', 'bigint', 'number', 'money_cents'].includes(column.type) ? 'number' : 'text';
  return (
    <Input
      aria-label="New value"
      data-testid="bulk-set-value"
      className="w-48"
      type={type}
      value={value}
      placeholder={column.nullable ? 'empty = no value' : 'value'}
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
  const scopeText = allMatching ? `all ${rowsText(allMatching.count)} matching this filter` : rowsText(selected.length);

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

  function confirmRun(request: Omit<BulkRequest, 'ids' | 'matching' | 'label'>, verb: string) {
    setStep({ kind: 'confirm', request, verb });
  }

  function run(step: Extract<Step, { kind: 'confirm' }>) {
    const label = `${step.verb} ${scopeText}`;
    onRun({ ...step.request, label, ...(allMatching ? { matching: allMatching } : { ids: selected }) });
    setStep({ kind: 'menu' });
  }

  function submitSet(event: FormEvent) {
    event.preventDefault();
    const column = resource.columns.find((c) => c.name === field);
    if (!column) return;
    const shown = value === '' ? 'empty' : column.type === 'boolean' ? (value === 'true' ? 'yes' : 'no') : `“${value}”`;
    confirmRun({ action: 'set', field, value }, `Set ${column.label} to ${shown} on`);
  }

  if (step.kind === 'confirm') {
    return (
      <span className="flex flex-wrap items-center gap-2" data-testid="bulk-confirm">
        <span className="font-medium">
          {step.verb} {scopeText}?
        </span>
        <Button
          size="sm"
          variant={step.request.action === 'delete' ? 'destructive' : 'default'}
          onClick={() => run(step)}
          data-testid="bulk-confirm-run"
          disabled={running}
        >
          Yes, {step.verb.split(' ')[0]!.toLowerCase()} {allMatching ? format(allMatching.count) : format(selected.length)}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'menu' })}>
          Cancel
        </Button>
      </span>
    );
  }

  if (step.kind === 'set') {
    const column = settable.find((c) => c.name === field);
    return (
      <form className="flex flex-wrap items-center gap-2" onSubmit={submitSet} data-testid="bulk-set-form">
        <Select
          aria-label="Field"
          data-testid="bulk-set-field"
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            setValue('');
          }}
        >
          <option value="">Field…</option>
          {settable.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </Select>
        {column ? <ValueInput column={column} value={value} onChange={setValue} /> : null}
        <Button type="submit" size="sm" disabled={!column || running} data-testid="bulk-set-apply">
          Apply
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'menu' })}>
          Cancel
        </Button>
      </form>
    );
  }

  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
      {capabilities.delete && !trash ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => confirmRun({ action: 'delete' }, 'Delete')} data-testid="bulk-delete">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      ) : null}
      {capabilities.restore && trash ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => confirmRun({ action: 'restore' }, 'Restore')} data-testid="bulk-restore">
          <RotateCcw aria-hidden="true" /> Restore
        </Button>
      ) : null}
      {capabilities.set ? (
        <Button size="sm" variant="outline" disabled={running} onClick={() => setStep({ kind: 'set' })} data-testid="bulk-set">
          <PencilLine aria-hidden="true" /> Set field…
        </Button>
      ) : null}
      {allMatching ? (
        <span className="text-sm" data-testid="bulk-all-selected">
          All <strong>{format(allMatching.count)}</strong> rows matching this filter are selected.{' '}
          <button type="button" className="cursor-pointer underline underline-offset-2" onClick={() => setAll(undefined)}>
            Only the {rowsText(selected.length)} ticked
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
          {counting ? 'Counting the rows that match…' : 'Select all rows matching this filter'}
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
