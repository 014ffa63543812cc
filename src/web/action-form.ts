import 'server-only';
import { actionWords } from './action-result';

/**
 * A Server Action is a POST anyone can send, with any arguments React's encoding can carry: a
 * form action may be called with no form at all, a string, or an object. Each action checks
 * it was given a form before reading a field, and answers anything else with this refusal
 * (instead of failing on `form.get` with a 500).
 */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** The refusal of anything but a form, in the request's language. */
export function notAForm(): string {
  return actionWords()('notAForm');
}

/** notAForm() in English: for callers that hold it as a constant (prefer notAForm()). */
export const NOT_A_FORM = actionWords('en')('notAForm');
