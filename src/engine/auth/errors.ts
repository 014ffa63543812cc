import { HubError } from '../errors';
import { say } from '../i18n/say';
/** No valid session: pages redirect to sign-in, APIs answer 401. */
export class UnauthenticatedError extends HubError {
  readonly status = 401;
  constructor() {
    super(say('access.signIn'));
    this.name = 'UnauthenticatedError';
  }
}

/**
 * Signed in, but not allowed. The message names the action and the domain, never whether a
 * given row exists, so a 403 cannot be used to probe for records.
 */
export class ForbiddenError extends HubError {
  readonly status = 403;
  constructor(message = say('access.forbidden')) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
