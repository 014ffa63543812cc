import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { requestLocale } from '@admin-hub/engine/i18n/say';
import type { Locale } from '@admin-hub/engine/shared/locale';
import enRecord from '@/i18n/messages/en/record.json';
import koRecord from '@/i18n/messages/ko/record.json';
import { UnauthenticatedError } from '@admin-hub/engine/auth/errors';
import type { Operator } from '@admin-hub/engine/auth/operator';
import { UnknownDomainError } from '@admin-hub/engine/config/current';
import { reportError } from '@admin-hub/engine/http/errors';
import { RecordValidationError } from '@admin-hub/engine/records/errors';
import { ResourceNotFoundError } from '@admin-hub/engine/resources/registry';
import { currentOperator } from './operator';

/*
 * The Server Action boundary: how an action answers for an error. Every action returns its
 * state instead of throwing (a thrown error would be React's generic failure), and every state
 * has the same two words: `ok` (what was done) or `error` (why not), plus what a form can use
 * (`code`, `fieldErrors`, `reference`). One mapper, actionFailure, turns any error into that;
 * an unexpected error is logged once there, and `error` quotes the reference of its log line.
 */

const RECORD_WORDS: Record<Locale, typeof enRecord> = { en: enRecord, ko: koRecord };
const translators = new Map<Locale, ReturnType<typeof translatorIn>>();
function translatorIn(locale: Locale) {
  return createTranslator({ locale, messages: { record: RECORD_WORDS[locale] }, namespace: 'record.actions' });
}

/**
 * The words an action answers with (the catalogs' `record.actions`), in the language of the
 * request being answered: the operator's own choice once their session is read, else the
 * browser's (engine/i18n/say.ts, set by serve()); English outside a request. Synchronous, so
 * actionFailure stays a plain mapper every action can call.
 */
export function actionWords(locale: Locale = requestLocale()): ReturnType<typeof translatorIn> {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorIn(locale)));
  return t;
}

/** The one wording for an action refused because the operator's session ended (or never was), in the request's language. */
export function sessionEnded(): string {
  return actionWords()('sessionEnded');
}

/** sessionEnded() in English: for callers that hold it as a constant (prefer sessionEnded()). */
export const SESSION_ENDED = actionWords('en')('sessionEnded');

/** What an action answers when it did not do its work. */
export interface ActionFailure {
  /** Words for the operator: a HubError's own message, or "Something went wrong on the server (reference …)." */
  error: string;
  /** The HTTP status the refusal stands for: 401 session ended, 403, 404, 400 invalid, 409, 503, 500 unexpected… */
  code: number;
  /** Field → message, for a form's fields (invalid input). */
  fieldErrors?: Record<string, string>;
  /** An unexpected error's reference, also quoted in `error`. */
  reference?: string;
}

/** The state every action form shares: `ok` when done, or a failure. Forms add their own fields to it. */
export interface ActionState extends Partial<ActionFailure> {
  ok?: string;
}

/** An error as the action's answer. Next.js's own signals (redirect(), notFound()) are rethrown, not mapped. */
export function actionFailure(error: unknown): ActionFailure {
  unstable_rethrow(error);
  if (error instanceof UnauthenticatedError) return { error: sessionEnded(), code: 401 };
  if (error instanceof ResourceNotFoundError || error instanceof UnknownDomainError) return { error: actionWords()('noSuchResource'), code: 404 };
  if (error instanceof RecordValidationError) {
    const fieldErrors = { ...error.fieldErrors };
    const message = error.formError ?? (Object.values(fieldErrors).join(' ') || actionWords()('fieldsNeedAttention'));
    return { error: message, code: 400, fieldErrors };
  }
  const { status, body } = reportError(error);
  return {
    error: body.error,
    code: status,
    ...(body.fieldErrors !== undefined && { fieldErrors: body.fieldErrors }),
    ...(body.reference !== undefined && { reference: body.reference }),
  };
}

/**
 * The operator of a Server Action, read from the session again (never from the form). An ended
 * session throws UnauthenticatedError, which actionFailure words as sessionEnded().
 */
export async function actionOperator(): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) throw new UnauthenticatedError();
  return operator;
}

/** Runs an action's work and answers its state: what `work` returns, or actionFailure of what it threw. */
export async function runAction<T extends ActionState>(work: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await work();
  } catch (error) {
    return actionFailure(error);
  }
}
