import { HubError } from '../errors';
import { say } from '../i18n/say';
/** The record the URL names does not exist (asked only after access was granted). */
export class RecordNotFoundError extends HubError {
  readonly status = 404;
  constructor(title: string, message = say('records.notFound', { title })) {
    super(message);
    this.name = 'RecordNotFoundError';
  }
}

/** A keyless resource (a view without a key) has rows, but no row has an address of its own. */
export function keylessRowNotFound(title: string): RecordNotFoundError {
  return new RecordNotFoundError(title, say('records.keylessRow', { title }));
}

/** Input that cannot be saved: a message per field, plus one for the form as a whole. */
export class RecordValidationError extends HubError {
  readonly status = 400;
  constructor(
    readonly fieldErrors: Record<string, string>,
    readonly formError?: string,
  ) {
    super(
      formError ??
        Object.entries(fieldErrors)
          .map(([f, m]) => `${f}: ${m}`)
          .join('; '),
    );
    this.name = 'RecordValidationError';
  }

  override body() {
    return { error: this.formError ?? say('records.invalidFields'), fieldErrors: this.fieldErrors };
  }
}

/**
 * Someone changed the row after this operator loaded it. Carries both sides so the page can
 * show their change next to yours instead of silently overwriting either.
 */
export class RecordConflictError extends HubError {
  readonly status = 409;
  constructor(
    readonly current: Record<string, unknown>,
    readonly currentVersion: string,
    readonly attempted: Record<string, unknown>,
  ) {
    super(say('records.conflict'));
    this.name = 'RecordConflictError';
  }

  override body() {
    return { error: this.message, current: this.current, currentVersion: this.currentVersion };
  }
}

/** A record id that matches several rows (a key that is not unique): nothing is read or changed through it. */
export class AmbiguousRecordError extends HubError {
  readonly status = 409;
  constructor(title: string) {
    super(say('records.ambiguous', { title }));
    this.name = 'AmbiguousRecordError';
  }
}

/**
 * The database stopped this write because another one touched the same rows at the same time
 * (a deadlock, a serialization failure under SERIALIZABLE, a lock it waited too long for). The
 * transaction was rolled back whole; trying again usually works.
 */
export class WriteCollisionError extends HubError {
  readonly status = 409;
  constructor(reason: 'deadlock' | 'serialization' | 'lock') {
    super(say(reason === 'deadlock' ? 'records.deadlock' : reason === 'serialization' ? 'records.serialization' : 'records.lockTimeout'));
    this.name = 'WriteCollisionError';
  }
}

/** The domain's database role lacks a privilege the write needs (SQLSTATE 42501): an operator of the server must grant it. */
export class DatabasePrivilegeError extends HubError {
  readonly status = 403;
  constructor(what: string) {
    super(say('records.privilege', { what }));
    this.name = 'DatabasePrivilegeError';
  }
}
