import { z } from 'zod';
import { errorResponse } from '@admin-hub/engine/http/errors';
import { authorizeInternal, InternalRequestError, listInternalActions, runInternalAction } from '@admin-hub/engine/internal';
import { findResource } from '@admin-hub/engine/resources/registry';
import { requireApiOperator } from '@/web/operator';
import { assertSameOrigin } from '@/web/same-origin';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

type Params = { params: Promise<{ domain: string; resource: string }> };

/**
 * GET /api/internal-actions/<domain>/<resource>: the resource's internal actions for this
 * operator (admins; 403 otherwise) and whether the domain's service is configured:
 * `{ actions: [{ name, label, scope, confirm? }], configured }`.
 */
export async function GET(request: Request, context: Params): Promise<Response> {
  try {
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    return Response.json(listInternalActions(operator, found.domain, found.resource), { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

const RunBody = z
  .object({
    action: z.string().min(1).max(64),
    recordId: z.string().min(1).max(2000).optional(),
    idempotencyKey: z.string().max(128).optional(),
  })
  .strict();

/**
 * POST /api/internal-actions/<domain>/<resource> with `{ action, recordId?, idempotencyKey? }`:
 * asks the domain's service to run the action (signed, audited, bounded by a timeout).
 * Refused before anything is sent: a foreign Origin (403), no session (401), no admin role
 * (403), a malformed body (400), an undeclared action or bad record id (404).
 *
 * 200 `{ ok: true, status, body, idempotencyKey, requestId, durationMs }` with the service's
 * JSON answer; when the service fails, 502/503/504 `{ error, kind, retryable, upstreamStatus?,
 * idempotencyKey, requestId }`: send the same idempotencyKey again to retry safely.
 */
export async function POST(request: Request, context: Params): Promise<Response> {
  try {
    assertSameOrigin(request);
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    authorizeInternal(operator, found.domain, found.resource); // before reading the body: a 403 says nothing about it
    const parsed = RunBody.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) {
      throw new InternalRequestError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
    }
    const { action, recordId, idempotencyKey } = parsed.data;
    const result = await runInternalAction(operator, found.domain, found.resource, action, { recordId, idempotencyKey });
    return Response.json(result, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
