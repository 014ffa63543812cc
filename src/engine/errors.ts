import { requestLocale } from './i18n/say';
import { hearLocaleFrom } from './i18n/words';

// The value model's words (engine/i18n/words.ts, browser-safe) speak the request's language on the server.
hearLocaleFrom(requestLocale);

/**
 * The base of every error the engine expects and an operator can act on: a bad parameter, a
 * missing record, no access, a domain that is down. `status` is the HTTP status the hub
 * answers with; the message and `body()` are fit to show (no SQL, stack, password or URL);
 * `headers` are sent with the HTTP answer (Retry-After on a 429…). `toHttpError` maps any
 * HubError without knowing its class, so a new kind of error needs no change there. Anything
 * that is not a HubError is unexpected: a 500, logged once with a reference by the boundary
 * that catches it (see src/engine/http/errors.ts).
 */
export abstract class HubError extends Error {
  abstract readonly status: number;

  /** Extra HTTP headers of the answer, lower-case names (e.g. `{ 'retry-after': '30' }`); none by default. */
  get headers(): Readonly<Record<string, string>> {
    return {};
  }

  /** The JSON body: `error` (the message) and whatever else helps the caller (problems, fieldErrors…). */
  body(): HubErrorBody {
    return { error: this.message };
  }
}

export interface HubErrorBody {
  error: string;
  [detail: string]: unknown;
}
