import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../shared/locale';

/** Who and where a request came from, for the audit log, and the language its answers are in: set once per request by serve(). */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
  /**
   * The language of this request's refusals (engine/i18n/say.ts): serve() starts from the
   * browser's Accept-Language; the operator's own choice replaces it once the session is read.
   */
  locale?: Locale;
}

/** One AsyncLocalStorage for the process: serve() sets it, the engine code Next.js runs reads it (one copy: next.config.mjs). */
const contexts = new AsyncLocalStorage<RequestContext>();
function storage(): AsyncLocalStorage<RequestContext> {
  return contexts;
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage().run(context, work);
}

export function requestContext(): RequestContext | undefined {
  return storage().getStore();
}
