import { HubError } from '../errors';
/** The record the URL names does not exist (asked only after access was granted). */
export class RecordNotFoundError extends HubError {
  readonly status = 404;
  constructor(title: string) {
    super(`This ${title} does not exist (any more).`);
    this.name = 'RecordNotFoundError';
  }
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
