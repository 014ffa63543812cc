import { HubError } from '../errors';
/** The record the URL names does not exist (asked only after access was granted). */
export class RecordNotFoundError extends HubError {
  readonly status = 404;
  constructor(title: string, message = `This ${title} does not exist (any more).`) {
    super(message);
    this.name = 'RecordNotFoundError';
  }
}

/** A keyless resource (a view without a key) has rows, but no row has an address of its own. */
export function keylessRowNotFound(title: string): RecordNotFoundError {
  return new RecordNotFoundError(title, `Rows of ${title} have no key, so none has a page of its own: find them in the list.`);
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
    return { error: this.formError ?? 'Some fields are not valid.', fieldErrors: this.fieldErrors };
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
    super('Someone else changed this record after you opened it.');
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
    super(
      `This id matches more than one row of ${title}, so it does not name one record; nothing was changed. Its key columns are not unique: give the resource a unique key.`,
    );
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
    const why =
      reason === 'deadlock'
        ? 'it deadlocked with another change to the same rows'
        : reason === 'serialization'
          ? 'another transaction changed the same rows at the same time'
          : 'another change held a lock on these rows for too long';
    super(`Nothing was saved: ${why}. Try again.`);
    this.name = 'WriteCollisionError';
  }
}

/** The domain's database role lacks a privilege the write needs (SQLSTATE 42501): an operator of the server must grant it. */
export class DatabasePrivilegeError extends HubError {
  readonly status = 403;
  constructor(what: string) {
    super(`The hub's database user for this domain is not allowed to change ${what}: a database administrator must GRANT it the privilege.`);
    this.name = 'DatabasePrivilegeError';
  }
}
