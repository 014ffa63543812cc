import { describe, expect, it } from 'vitest';
import { HubError } from '../../src/engine/errors';
import { reportError, toHttpError } from '../../src/engine/http/errors';
import { BulkCountMismatchError } from '../../src/engine/records/bulk';
import { ListQueryError } from '../../src/engine/list/errors';
import { RecordValidationError } from '../../src/engine/records/errors';
import { InternalCallError } from '../../src/engine/internal/errors';
import { captureStderr } from '../support/output';

describe('toHttpError', () => {
  it('maps any HubError by its own status and body, including a kind it has never heard of', () => {
    class TeapotError extends HubError {
      readonly status = 418;
      override body() {
        return { error: this.message, brew: 'earl grey' };
      }
    }
    expect(toHttpError(new TeapotError('I am a teapot.'))).toEqual({ status: 418, body: { error: 'I am a teapot.', brew: 'earl grey' } });
    expect(toHttpError(new ListQueryError([{ param: 'sort', message: 'unknown column' }]))).toEqual({
      status: 400,
      body: { error: 'The request has invalid parameters.', problems: [{ param: 'sort', message: 'unknown column' }] },
    });
    expect(toHttpError(new RecordValidationError({ price: 'Not a number.' }))).toEqual({
      status: 400,
      body: { error: 'Some fields are not valid.', fieldErrors: { price: 'Not a number.' } },
    });
    expect(toHttpError(new BulkCountMismatchError(10, 12))).toMatchObject({ status: 409, body: { matching: 12, confirmed: 10 } });
    expect(toHttpError(new InternalCallError('timeout', 'The service did not answer in time.', { requestId: 'r1' }))).toMatchObject({
      status: 504,
      body: { kind: 'timeout', retryable: true, requestId: 'r1' },
    });
  });

  it('turns anything else into a 500 that shows neither the message nor the SQL', async () => {
    // reportError (what every boundary calls) logs the whole error under the reference (kept off the test output here).
    const { result: leaked, output: log } = await captureStderr(() =>
      reportError(Object.assign(new Error('syntax error at or near "DROP" in SELECT password FROM users'), { code: '42601' })),
    );
    expect(leaked.status).toBe(500);
    expect(leaked.body.error).toMatch(/^Something went wrong on the server \(reference \w+\)\.$/);
    const reference = /reference (\w+)/.exec(String(leaked.body.error))![1]!;
    expect(log).toMatch(new RegExp(`ERROR .*unexpected error \\[ref ${reference}\\]: Error: syntax error at or near "DROP"`));
    expect(JSON.stringify(leaked)).not.toMatch(/DROP|password|SELECT/);
    expect(toHttpError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })).status).toBe(503);
  });
});
