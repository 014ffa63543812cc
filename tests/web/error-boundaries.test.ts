import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../../src/engine/auth/errors';
import { HubError } from '../../src/engine/errors';
import { ExportBusyError } from '../../src/engine/export/export-resource';
import { errorAnswer, errorResponse, reportError, sendError, toHttpError } from '../../src/engine/http/errors';
import { RecordNotFoundError, RecordValidationError } from '../../src/engine/records/errors';
import { actionFailure, runAction, SESSION_ENDED } from '../../src/web/action-result';
import { describePageError, guardPage, pageAnswerOf } from '../../src/web/page-guard';
import { captureStderr } from '../support/output';

// The page guard's sign-in redirect reads the path the proxy saw.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-hub-path': '/d/market/orders?q=lamp' }) }));

/** A failure nobody expected: its message and SQL must never reach an operator. */
const unexpected = () => Object.assign(new Error('syntax error at or near "DROP" in SELECT password FROM users'), { code: '42601' });

/** The hub's "unexpected error" log lines in `output`, by reference. */
const loggedReferences = (output: string) => [...output.matchAll(/unexpected error \[ref (\w+)\]/g)].map((m) => m[1]);

/** A busy service: 503, come back in a minute. */
class BusyError extends HubError {
  readonly status = 503;
  override get headers() {
    return { 'retry-after': '60' };
  }
}

describe('toHttpError', () => {
  it('is pure: an unexpected error is mapped to a bare 500 and nothing is logged', async () => {
    const { result, output } = await captureStderr(() => [toHttpError(unexpected()), toHttpError(unexpected())]);
    expect(output).toBe('');
    expect(result[0]).toEqual({ status: 500, body: { error: 'Something went wrong on the server.' }, unexpected: true });
    expect(JSON.stringify(result)).not.toMatch(/DROP|password|SELECT/);
  });

  it("carries a HubError's headers, and none for one that has none", () => {
    expect(toHttpError(new BusyError('The service is busy.'))).toEqual({
      status: 503,
      body: { error: 'The service is busy.' },
      headers: { 'retry-after': '60' },
    });
    expect(toHttpError(new ForbiddenError())).toEqual({ status: 403, body: { error: 'You do not have access to this.' } });
  });
});

describe('an unexpected error is logged once, under the reference the operator is shown', () => {
  it('by the API boundary', async () => {
    const error = unexpected();
    const { result: response, output } = await captureStderr(() => errorResponse(error));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; reference: string };
    expect(body.error).toBe(`Something went wrong on the server (reference ${body.reference}).`);
    expect(loggedReferences(output)).toEqual([body.reference]);
    expect(output).toContain('syntax error at or near "DROP"'); // the detail is in the log, not the answer
    expect(JSON.stringify(body)).not.toMatch(/DROP|password|SELECT/);
    // The same error reaching another boundary keeps its reference and is not logged again.
    const { result: again, output: second } = await captureStderr(() => reportError(error));
    expect(again.body.reference).toBe(body.reference);
    expect(second).toBe('');
  });

  it('by the action boundary', async () => {
    const { result, output } = await captureStderr(() => runAction(async () => Promise.reject(unexpected())));
    expect(result).toMatchObject({ code: 500, error: expect.stringMatching(/^Something went wrong on the server \(reference \w+\)\.$/) });
    const reference = (result as { reference: string }).reference;
    expect(result.error).toContain(reference);
    expect(loggedReferences(output)).toEqual([reference]);
  });

  it('by a page that shows the failure in place', async () => {
    const { result, output } = await captureStderr(() => describePageError(unexpected()));
    expect(result.status).toBe(500);
    expect(result.message).toBe(`Something went wrong on the server (reference ${result.reference}).`);
    expect(loggedReferences(output)).toEqual([result.reference]);
  });

  it('while expected errors are answered in their own words and never logged', async () => {
    const { result, output } = await captureStderr(() => ({
      api: reportError(new ForbiddenError()),
      page: describePageError(new RecordNotFoundError('order')),
    }));
    expect(output).toBe('');
    expect(result.api.body).toEqual({ error: 'You do not have access to this.' });
    expect(result.page).toEqual({ status: 404, message: 'This order does not exist (any more).' });
  });
});

describe('HubError headers reach the HTTP answer', () => {
  it('as a fetch Response (route handlers): a busy export is a 429 with Retry-After', async () => {
    const response = errorResponse(new ExportBusyError('market', 2));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: '2 exports are already running on domain "market". Try again when one has finished.' });
    expect(errorAnswer(new BusyError('Busy.')).headers).toMatchObject({ 'retry-after': '60', 'cache-control': 'no-store' });
  });

  it("on node:http (the server's own doors)", async () => {
    const server = http.createServer((_req, res) => sendError(res, new ExportBusyError('blog', 1)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toEqual({ error: '1 export is already running on domain "blog". Try again when one has finished.' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the action boundary', () => {
  it('words an ended session one way, for every action', async () => {
    expect(SESSION_ENDED).toBe('Your session has ended, so nothing was done. Sign in again, then try once more.');
    expect(actionFailure(new UnauthenticatedError())).toEqual({ error: SESSION_ENDED, code: 401 });
    expect(await runAction(async () => Promise.reject(new UnauthenticatedError()))).toEqual({ error: SESSION_ENDED, code: 401 });
  });

  it("answers refusals in the engine's words, with field errors for a form", () => {
    expect(actionFailure(new ForbiddenError('You cannot delete orders.'))).toEqual({ error: 'You cannot delete orders.', code: 403 });
    expect(actionFailure(new RecordValidationError({ price: 'Not a number.' }))).toEqual({
      error: 'Not a number.',
      code: 400,
      fieldErrors: { price: 'Not a number.' },
    });
  });

  it("lets Next.js's own signals through (a redirect after saving is not a failure)", async () => {
    const { redirect } = await import('next/navigation');
    await expect(runAction(async () => redirect('/d/market/orders/1'))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
  });
});

describe('the page guard', () => {
  beforeEach(() => vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true')); // forbidden() needs experimental.authInterrupts, as next.config sets
  afterEach(() => vi.unstubAllEnvs());

  it('passes the value through', async () => {
    expect(await guardPage(Promise.resolve(42))).toBe(42);
    expect(await guardPage(async () => 'ok')).toBe('ok');
  });

  it("turns a missing thing into Next.js's 404 and a refusal into its 403", async () => {
    await expect(guardPage(Promise.reject(new RecordNotFoundError('order')))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
    await expect(guardPage(async () => Promise.reject(new ForbiddenError()))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    // A privilege the database refused is a 403 too (a refusal the database explains, not a 500).
    const denied = Object.assign(new Error('permission denied for table orders'), { code: '42501' });
    expect(pageAnswerOf(denied)).toBe('forbidden');
  });

  it('sends a signed-out operator to sign in, coming back to the path asked for', async () => {
    await expect(guardPage(Promise.reject(new UnauthenticatedError()))).rejects.toMatchObject({
      digest: expect.stringContaining(`;/sign-in?next=${encodeURIComponent('/d/market/orders?q=lamp')};`),
    });
  });

  it('rethrows anything else to the error page; an unexpected error carries a reference as its digest, logged once by Next.js', async () => {
    const busy = new BusyError('The service is busy.');
    await expect(guardPage(Promise.reject(busy))).rejects.toBe(busy);
    const error = unexpected();
    const { result, output } = await captureStderr(() => guardPage(Promise.reject(error)).catch((thrown: unknown) => thrown));
    expect(result).toBe(error);
    expect((error as Error & { digest?: string }).digest).toMatch(/^[a-z0-9]{8}$/);
    expect(output).toBe(''); // not logged here: Next.js logs what reaches its error boundary, with this digest
  });
});
