import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and where a request came from, for the audit log: set once per request by serve(). */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
}

/**
 * One AsyncLocalStorage for the process, kept on globalThis: serve() (loaded by tsx) and the
 * engine code inside Next.js bundles are different module instances and must share it.
 */
const KEY = Symbol.for('admin-hub.request-context');
function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestContext> };
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage().run(context, work);
}

export function requestContext(): RequestContext | undefined {
  return storage().getStore();
}
