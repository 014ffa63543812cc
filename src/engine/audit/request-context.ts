import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and where a request came from, for the audit log: set once per request by serve(). */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
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
