import { randomUUID } from 'node:crypto';
import { say } from '../i18n/say';
import { requestContext, runWithRequestContext } from '../audit/request-context';
import { recordEvent } from '../audit/record';
import { can, withRowScope } from '../auth/access';
import { ForbiddenError, UnauthenticatedError } from '../auth/errors';
import { domainInternalRefusal, refusalMessage } from '../auth/refusals';
import { roleOn, type Operator } from '../auth/operator';
import { atLeast, MINIMUM_ROLE } from '../auth/roles';
import { targetFor, type DomainName } from '../config/current';
import type { InternalService } from '../config/types';
import { logger } from '../log';
import { getRecord } from '../records/read-record';
import { decodeRecordId } from '../records/record-id';
import { INTERNAL_ACTION_NAME } from '../resources/define';
import type { Resource } from '../resources/types';
import { InternalActionNotFoundError, InternalCallError, InternalRequestError } from './errors';
import { computeHubSignature, IDEMPOTENCY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './verify';

const log = logger('internal');

/** How long a call may take, connection to last byte, unless the caller says otherwise. */
export const DEFAULT_INTERNAL_TIMEOUT_MS = 10_000;
/** Largest answer accepted from a service. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** A caller-supplied idempotency key: a UUID is recommended; any 8–128 of these characters is accepted. */
const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

export interface InternalCallOptions {
  /** The resource the action belongs to: access is checked on it, and the action must be declared on it. */
  resource?: Resource;
  /** For row actions: the record's URL id. */
  recordId?: string;
  /** Pass the key of an earlier attempt to retry it safely; a new UUID otherwise. */
  idempotencyKey?: string;
  /** Default 10,000 ms: connect, send, and read the whole answer. */
  timeoutMs?: number;
}

export interface InternalCallResult {
  ok: true;
  /** The service's HTTP status (2xx). */
  status: number;
  /** Its JSON answer (null for an empty body). */
  body: unknown;
  idempotencyKey: string;
  requestId: string;
  durationMs: number;
}

/**
 * Access first: the `internal` role on the resource (its definition may raise it), or on the
 * domain when there is no resource. Without it nothing is sent and nothing is audited.
 */
export function authorizeInternal(operator: Operator | null, domain: string, resource: Resource | undefined): asserts operator is Operator {
  if (!operator) throw new UnauthenticatedError();
  const allowed = resource ? can(operator, resource, 'internal') : atLeast(roleOn(operator, domain), MINIMUM_ROLE.internal);
  if (!allowed) throw new ForbiddenError(resource ? refusalMessage(resource, 'internal') : domainInternalRefusal(domain, MINIMUM_ROLE.internal));
}

/** What the request names must exist before anything is sent. */
function checkRequest(domain: string, action: string, options: InternalCallOptions): void {
  const { resource, recordId } = options;
  if (!INTERNAL_ACTION_NAME.test(action)) throw new InternalRequestError(say('internal.badName', { action: action.slice(0, 80) }));
  if (options.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(options.idempotencyKey)) {
    throw new InternalRequestError(say('internal.badKey'));
  }
  if (!resource) return;
  if (resource.domain !== domain)
    throw new InternalRequestError(say('internal.otherDomain', { title: resource.title, resourceDomain: resource.domain, domain }));
  const definition = Object.hasOwn(resource.internalActions, action) ? resource.internalActions[action] : undefined;
  if (!definition) throw new InternalActionNotFoundError(say('internal.noAction', { title: resource.title, action }));
  if (definition.scope === 'row') {
    if (recordId === undefined || recordId === '') throw new InternalRequestError(say('internal.needsRecord', { label: definition.label }));
    decodeRecordId(resource, recordId); // a malformed id is a 404, as on the record pages
  } else if (recordId !== undefined) {
    throw new InternalRequestError(say('internal.wholeResource', { label: definition.label, title: resource.title.toLowerCase() }));
  }
}

/**
 * The JSON object that is sent and signed: the caller's fields plus `action` and
 * `idempotencyKey`, so the signature covers both: a captured request can be neither pointed at
 * another action's URL nor sent again under a new key.
 */
function signedBody(body: unknown, action: string, idempotencyKey: string): Record<string, unknown> {
  if (body === undefined || body === null) return { action, idempotencyKey };
  if (typeof body !== 'object' || Array.isArray(body)) throw new InternalRequestError(say('internal.bodyObject'));
  const fields = body as Record<string, unknown>;
  if (fields.action !== undefined && fields.action !== action)
    throw new InternalRequestError(say('internal.bodyAction', { named: String(fields.action), action }));
  if (fields.idempotencyKey !== undefined && fields.idempotencyKey !== idempotencyKey) throw new InternalRequestError(say('internal.bodyKey'));
  return { ...fields, action, idempotencyKey };
}

/** The network error's own words, without the URL or a stack. */
function unreachableReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: is it running?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name does not resolve';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'it closed the connection';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'its host cannot be reached';
    default:
      if (code && /CERT|SSL|TLS/i.test(code)) return `its TLS certificate was refused (${code})`;
      return code ? `network error ${code}` : 'network error';
  }
}

/** The message a service put in its error answer ({ error } or { message }), trimmed and plain. */
function serviceMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    const value = parsed && typeof parsed === 'object' ? ((parsed as { error?: unknown }).error ?? (parsed as { message?: unknown }).message) : undefined;
    if (typeof value === 'string' && value.trim())
      return value
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, 300);
  } catch {
    // Not JSON (an HTML error page, a proxy's text): say nothing rather than echo it.
  }
  return undefined;
}

class ResponseTooLargeError extends Error {}

async function readBody(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends the signed request and turns every way it can fail into an InternalCallError. */
async function send(
  domain: string,
  service: InternalService | undefined,
  action: string,
  rawBody: string,
  ids: { idempotencyKey: string; requestId: string },
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const name = `The ${domain} service`;
  const details = { idempotencyKey: ids.idempotencyKey, requestId: ids.requestId };
  if (!service) {
    const prefix = domain.toUpperCase();
    throw new InternalCallError(
      'not-configured',
      `${domain} has no service for internal actions: set ${prefix}_INTERNAL_URL and ${prefix}_INTERNAL_SECRET.`,
      details,
    );
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  const timedOut = () =>
    new InternalCallError(
      'timeout',
      `${name} did not answer "${action}" within ${seconds}. It may still have run it: retrying (same idempotency key) is safe.`,
      details,
    );
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(`${service.url}/api/internal/${action}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': 'admin-hub-internal/1',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: computeHubSignature(service.secret, timestamp, rawBody),
        [REQUEST_ID_HEADER]: ids.requestId,
        [IDEMPOTENCY_HEADER]: ids.idempotencyKey,
      },
      body: rawBody,
      // A redirect would re-send the signed request somewhere else: refused, not followed.
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    throw new InternalCallError('unreachable', `${name} could not be reached: ${unreachableReason(error)}`, details);
  }

  let text: string;
  try {
    text = await readBody(response);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) {
      throw new InternalCallError('bad-response', `${name} answered "${action}" with more than ${MAX_RESPONSE_BYTES / 1024} KiB.`, {
        ...details,
        upstreamStatus: response.status,
      });
    }
    if (signal.aborted) throw timedOut();
    throw new InternalCallError('unreachable', `${name} broke off its answer: ${unreachableReason(error)}`, details);
  }

  const upstream = { ...details, upstreamStatus: response.status };
  if (response.status >= 300 && response.status < 400) {
    throw new InternalCallError(
      'http',
      `${name} answered "${action}" with a redirect (${response.status}), which the hub does not follow: check ${domain.toUpperCase()}_INTERNAL_URL.`,
      upstream,
    );
  }
  if (response.status < 200 || response.status >= 300) {
    const said = serviceMessage(text);
    throw new InternalCallError(
      'http',
      `${name} refused "${action}" (${response.status}${response.statusText ? ` ${response.statusText}` : ''})${said ? `: ${said}` : '.'}`,
      upstream,
    );
  }
  if (text.trim() === '') return { status: response.status, body: null };
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new InternalCallError('bad-response', `${name} answered "${action}" with something that is not JSON (status ${response.status}).`, upstream);
  }
}

/**
 * Asks a domain's own service to perform an action: POST <D_INTERNAL_URL>/api/internal/<action>
 * with `body` (a JSON object, to which `action` and `idempotencyKey` are added) signed
 * (x-hub-timestamp, x-hub-signature: v1=HMAC-SHA256 of `timestamp.body`), with the request id
 * and an idempotency key (a new UUID, or the caller's to retry an attempt safely).
 *
 * Access comes first: the `internal` role (admin) on `resource`, or on the domain when no
 * resource is given; the action must be declared on the resource, with a record id for a row
 * action. Nothing is sent before these pass. Every call that is attempted is recorded in the
 * audit log (action `internal` with the action's name, outcome succeeded/failed; its action name, status,
 * idempotency key and request id in `detail`).
 *
 * Resolves for a 2xx JSON answer; otherwise throws InternalCallError (timeout, unreachable,
 * non-2xx with the service's message, not JSON), never a raw network error, and never later
 * than `timeoutMs`.
 */
export async function callInternal(
  operator: Operator | null,
  domain: DomainName,
  action: string,
  body: unknown,
  options: InternalCallOptions = {},
): Promise<InternalCallResult> {
  authorizeInternal(operator, domain, options.resource);
  checkRequest(domain, action, options);
  // A record outside the operator's row scope does not exist for them (404): nothing is sent.
  const { resource, recordId } = options;
  if (resource && recordId !== undefined && withRowScope(operator, resource).scope.length > resource.scope.length)
    await getRecord(operator, domain, resource, recordId);

  const service = targetFor(domain).internal; // an unknown domain is a 404 here, before anything is sent
  const context = requestContext();
  const ids = { idempotencyKey: options.idempotencyKey ?? randomUUID(), requestId: context?.requestId ?? randomUUID() };
  const fields = signedBody(body, action, ids.idempotencyKey);
  let rawBody: string;
  try {
    rawBody = JSON.stringify(fields);
  } catch (error) {
    throw new InternalRequestError(`The body cannot be sent as JSON: ${(error as Error).message}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_INTERNAL_TIMEOUT_MS;
  const started = performance.now();

  let outcome: { status: number; body: unknown } | undefined;
  let failure: InternalCallError | undefined;
  try {
    outcome = await send(domain, service, action, rawBody, ids, timeoutMs);
  } catch (error) {
    failure =
      error instanceof InternalCallError
        ? error
        : new InternalCallError('unreachable', `The ${domain} service could not be asked: ${(error as Error)?.message ?? 'unknown error'}`, ids);
  }
  const durationMs = Math.round(performance.now() - started);

  const status = outcome?.status ?? failure?.details.upstreamStatus ?? null;
  const detail = JSON.stringify({
    action,
    status,
    idempotencyKey: ids.idempotencyKey,
    requestId: ids.requestId,
    durationMs,
    ...(failure ? { error: failure.kind, message: failure.message } : {}),
  });
  // An event, not an audited transaction: the hub changes nothing in the domain database here
  // (the service does, in its own code), so there is no domain COMMIT to tie the entry to.
  const entry = { actor: operator, domain, resource: options.resource?.name, recordId: options.recordId, action: 'internal', actionName: action, detail };
  const record = () => recordEvent(entry, failure ? 'failed' : 'succeeded');
  // Outside a request (scripts, tests) the entry still carries the request id sent to the service.
  await (context ? record() : runWithRequestContext({ requestId: ids.requestId, ip: undefined, userAgent: undefined }, record));

  const summary = `${domain}/${action} by ${operator.email} (request ${ids.requestId}, key ${ids.idempotencyKey}) in ${durationMs} ms`;
  if (failure) {
    log.warn(`internal ${summary} failed: ${failure.message}`);
    throw failure;
  }
  log.info(`internal ${summary} → ${status}`);
  return { ok: true, status: outcome!.status, body: outcome!.body, idempotencyKey: ids.idempotencyKey, requestId: ids.requestId, durationMs };
}
