import { HubError } from '../errors';
/**
 * What can go wrong with an internal call, each with the HTTP status the hub answers and a
 * message fit for an operator (no stack, no URL, no secret, no HTML from the service).
 */
export type InternalFailureKind =
  /** D_INTERNAL_URL / D_INTERNAL_SECRET are not set for the domain. */
  | 'not-configured'
  /** No answer (or not all of it) within the timeout. */
  | 'timeout'
  /** Connection refused, host not found, connection dropped, TLS refused. */
  | 'unreachable'
  /** The service answered with a status other than 2xx. */
  | 'http'
  /** A 2xx answer that is not JSON, or too big. */
  | 'bad-response';

const STATUS: Record<InternalFailureKind, number> = {
  'not-configured': 503,
  timeout: 504,
  unreachable: 502,
  http: 502,
  'bad-response': 502,
};

export class InternalCallError extends HubError {
  /** The status the hub's own API answers with. */
  readonly status: number;
  /** True when sending the same request again (same idempotency key) may succeed and is safe. */
  readonly retryable: boolean;

  constructor(
    readonly kind: InternalFailureKind,
    message: string,
    readonly details: { upstreamStatus?: number; idempotencyKey?: string; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'InternalCallError';
    this.status = STATUS[kind];
    const upstream = details.upstreamStatus;
    this.retryable =
      kind === 'timeout' || kind === 'unreachable' || (kind === 'http' && upstream !== undefined && (upstream >= 500 || upstream === 429 || upstream === 408));
  }

  override body() {
    const { upstreamStatus, idempotencyKey, requestId } = this.details;
    return { error: this.message, kind: this.kind, retryable: this.retryable, upstreamStatus, idempotencyKey, requestId };
  }
}

/** The request names no action the resource declares, or a record id that cannot exist. */
export class InternalActionNotFoundError extends HubError {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'InternalActionNotFoundError';
  }
}

/** The request itself is malformed (bad action name, missing record id, bad idempotency key). */
export class InternalRequestError extends HubError {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'InternalRequestError';
  }
}
