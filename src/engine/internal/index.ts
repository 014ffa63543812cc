/**
 * Internal actions: the hub asking a domain's own service to do something, over HTTP, signed
 * with the domain's shared secret. call.ts signs and sends (access, timeout, audit); verify.ts
 * is what a service uses to check those requests (dependency-free, meant to be copied).
 */
export { authorizeInternal, callInternal, DEFAULT_INTERNAL_TIMEOUT_MS, type InternalCallOptions, type InternalCallResult } from './call';
export { listInternalActions, runInternalAction, type InternalActionInfo } from './actions';
export { InternalActionNotFoundError, InternalCallError, InternalRequestError, type InternalFailureKind } from './errors';
export {
  computeHubSignature,
  IdempotencyKeyReusedError,
  ReplayGuard,
  verifyHubSignature,
  type HubSignatureFailure,
  type HubSignatureResult,
  type VerifyHubSignatureOptions,
} from './verify';
