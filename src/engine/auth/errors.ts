import { HubError } from '../errors';
/** No valid session: pages redirect to sign-in, APIs answer 401. */
export class UnauthenticatedError extends HubError {
  readonly status = 401;
  constructor() {
    super('Sign in to continue.');
    this.name = 'UnauthenticatedError';
  }
}

/**
 * Signed in, but not allowed. The message names the action and the domain, never whether a
 * given row exists, so a 403 cannot be used to probe for records.
 */
export class ForbiddenError extends HubError {
  readonly status = 403;
  constructor(message = 'You do not have access to this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
