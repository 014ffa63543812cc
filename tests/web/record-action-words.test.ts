// Version-independent (vitest.config.ts): pure code: the record actions' words.
import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../src/engine/auth/errors';
import { runWithRequestContext } from '../../src/engine/audit/request-context';
import { ResourceNotFoundError } from '../../src/engine/resources/registry';
import { NOT_A_FORM, notAForm } from '../../src/web/action-form';
import { actionFailure, actionWords, SESSION_ENDED, sessionEnded } from '../../src/web/action-result';

/*
 * A Server Action answers in the language of the request it answers (the operator's own choice
 * once the session is read, else the browser's: engine/i18n/say.ts), synchronously, so every
 * action's actionFailure can word its refusal; English outside a request, as the logs are.
 */
const inKorean = <T>(work: () => T) => runWithRequestContext({ requestId: 'r1', ip: undefined, userAgent: undefined, locale: 'ko' }, work);

describe('the record actions’ words', () => {
  it('are English outside a request, the same as the constants other actions hold', () => {
    expect(sessionEnded()).toBe('Your session has ended, so nothing was done. Sign in again, then try once more.');
    expect(sessionEnded()).toBe(SESSION_ENDED);
    expect(notAForm()).toBe(NOT_A_FORM);
    expect(actionWords()('deleted')).toBe('Deleted: it is in the trash now, and can be restored from here or from the trash.');
  });

  it('follow the request’s language', () => {
    inKorean(() => {
      expect(actionFailure(new UnauthenticatedError())).toEqual({
        error: '세션이 끝나서 아무것도 처리되지 않았습니다. 다시 로그인한 뒤 한 번 더 시도하세요.',
        code: 401,
      });
      expect(actionFailure(new ResourceNotFoundError('blog', 'nothing')).error).toBe('이 종류의 레코드는 (더 이상) 존재하지 않습니다.');
      expect(notAForm()).toMatch(/^이 요청은 허브 페이지의 양식에서 온 것이 아니라서/);
      expect(actionWords()('restored')).toBe('복원했습니다. 다시 목록에 표시됩니다.');
    });
  });
});
