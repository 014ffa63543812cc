import { HubError } from '../errors';
import { say } from '../i18n/say';

/** A view or column choice the hub refuses as given (bad name, bad filter, too long…): a 400 saying why. */
export class SavedViewInputError extends HubError {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'SavedViewInputError';
  }
}

/** The operator already has a view of this name here: saving again must say it replaces it. */
export class SavedViewExistsError extends HubError {
  readonly status = 409;
  constructor(readonly viewName: string) {
    super(say('views.exists', { name: viewName }));
    this.name = 'SavedViewExistsError';
  }

  override body() {
    return { error: this.message, exists: true };
  }
}

/** The operator has as many views as the hub keeps for one operator. */
export class SavedViewLimitError extends HubError {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'SavedViewLimitError';
  }
}

/** Gone, or never visible to this operator: the same answer either way, so ids cannot be probed. */
export class SavedViewNotFoundError extends HubError {
  readonly status = 404;
  constructor() {
    super(say('views.notFound'));
    this.name = 'SavedViewNotFoundError';
  }
}
