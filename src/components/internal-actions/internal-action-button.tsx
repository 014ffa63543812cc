'use client';

import { CircleCheck, LoaderCircle, RotateCcw, Send, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

/** An internal action as GET /api/internal-actions/<domain>/<resource> lists it (and as a ClientResource carries it). */
export interface InternalActionSpec {
  name: string;
  label: string;
  scope: 'row' | 'resource';
  confirm?: string;
}

export interface InternalActionButtonProps {
  domain: string;
  /** The resource's URL name ("posts"). */
  resource: string;
  action: InternalActionSpec;
  /** The record's URL id; required for row actions. */
  recordId?: string;
  /** Called with the service's JSON answer after a success. */
  onDone?: (body: unknown) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'running' }
  | { kind: 'done'; message: string; body: unknown }
  | { kind: 'failed'; message: string; retryable: boolean };

/** The browser must not wait forever even if the hub does not answer (the hub's own limit is 10 s). */
const CLIENT_TIMEOUT_MS = 30_000;

/** A UUID v4; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The service's own message, when it sends one. */
function serviceMessage(body: unknown): string | undefined {
  const said = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  return typeof said === 'string' && said.trim() ? said : undefined;
}

/**
 * One internal action as a button: asks for confirmation when the action declares one, runs
 * it through the hub, then shows the service's answer or the error. Each click is one
 * idempotency key; after a failure that may be temporary (timeout, service down) "Retry"
 * sends the same key again, so the service runs the action at most once.
 *
 *   <InternalActionButton domain="blog" resource="posts" recordId={id}
 *     action={{ name: 'regenerate-summary', label: 'Regenerate summary', scope: 'row' }} />
 */
export function InternalActionButton({ domain, resource, action, recordId, onDone }: InternalActionButtonProps) {
  const t = useTranslations('actions');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const key = useRef<string | undefined>(undefined);
  const testId = `internal-action-${action.name}`;
  const missingRecord = action.scope === 'row' && !recordId;

  async function run(retry: boolean) {
    if (!retry || !key.current) key.current = newIdempotencyKey();
    setState({ kind: 'running' });
    try {
      const response = await fetch(`/api/internal-actions/${encodeURIComponent(domain)}/${encodeURIComponent(resource)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ action: action.name, ...(action.scope === 'row' ? { recordId } : {}), idempotencyKey: key.current }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const json = (await response.json().catch(() => ({}))) as { ok?: boolean; body?: unknown; error?: unknown; retryable?: unknown };
      if (response.ok && json.ok) {
        key.current = undefined; // done: the next click is a new request
        setState({ kind: 'done', message: serviceMessage(json.body) ?? t('done', { label: action.label }), body: json.body });
        onDone?.(json.body);
        return;
      }
      const message = typeof json.error === 'string' ? json.error : t('failed', { label: action.label, status: String(response.status) });
      const retryable = json.retryable === true;
      if (!retryable) key.current = undefined;
      setState({ kind: 'failed', message, retryable });
    } catch {
      // The hub did not answer (network, or our own timeout): the action may have run; retrying with the same key is safe.
      setState({ kind: 'failed', message: t('noAnswer', { label: action.label }), retryable: true });
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        {state.kind === 'confirming' ? (
          <>
            <span className="text-sm" data-testid={`${testId}-confirm-text`}>
              {action.confirm}
            </span>
            <Button size="sm" onClick={() => void run(false)} data-testid={`${testId}-confirm`}>
              {action.label}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setState({ kind: 'idle' })}>
              {t('cancel')}
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            variant="outline"
            disabled={state.kind === 'running' || missingRecord}
            onClick={() => (action.confirm ? setState({ kind: 'confirming' }) : void run(false))}
            data-testid={`${testId}-run`}
          >
            {state.kind === 'running' ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Send aria-hidden="true" />}
            {action.label}
          </Button>
        )}
        {state.kind === 'failed' && state.retryable && (
          <Button size="sm" variant="ghost" onClick={() => void run(true)} data-testid={`${testId}-retry`}>
            <RotateCcw aria-hidden="true" /> {t('retry')}
          </Button>
        )}
      </div>
      {state.kind === 'done' && (
        <div role="status" className="rounded-md border border-success/30 bg-success/10 px-3 py-2 text-sm" data-testid={`${testId}-result`} data-kind="ok">
          <p className="flex items-start gap-2">
            <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" /> {state.message}
          </p>
          {state.body !== null && state.body !== undefined && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-muted-foreground">{t('answer')}</summary>
              <pre className="mt-1 max-h-64 overflow-auto text-xs whitespace-pre-wrap">{JSON.stringify(state.body, null, 2)}</pre>
            </details>
          )}
        </div>
      )}
      {state.kind === 'failed' && (
        <p
          role="alert"
          className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm"
          data-testid={`${testId}-result`}
          data-kind="error"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" /> {state.message}
        </p>
      )}
    </div>
  );
}

export interface InternalActionsProps {
  domain: string;
  resource: string;
  /** From the resource (`resource.internalActions`, by name) or from the GET endpoint (a list). */
  actions: InternalActionSpec[] | Record<string, Omit<InternalActionSpec, 'name'>>;
  /** On a record page: its URL id (row actions are shown only with one; resource actions only without). */
  recordId?: string;
}

/** Every internal action that fits the page: row actions on a record page, resource actions on the list. */
export function InternalActions({ domain, resource, actions, recordId }: InternalActionsProps) {
  const list = Array.isArray(actions) ? actions : Object.entries(actions).map(([name, a]) => ({ ...a, name }));
  const shown = list.filter((a) => (a.scope === 'row') === (recordId !== undefined));
  if (shown.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="internal-actions">
      {shown.map((a) => (
        <InternalActionButton key={a.name} domain={domain} resource={resource} action={a} recordId={recordId} />
      ))}
    </div>
  );
}
