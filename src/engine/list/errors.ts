import { HubError } from '../errors';
import { say } from '../i18n/say';
export interface QueryProblem {
  /** The URL parameter that was wrong: "sort", "f.status", "after"… */
  param: string;
  message: string;
}

/** A request the list engine refuses before any SQL runs: a 400 with what was wrong. */
export class ListQueryError extends HubError {
  readonly status = 400;
  constructor(readonly problems: QueryProblem[]) {
    super(problems.map((p) => `${p.param}: ${p.message}`).join('; '));
    this.name = 'ListQueryError';
  }

  override body() {
    return { error: say('list.invalidParams'), problems: this.problems };
  }
}
