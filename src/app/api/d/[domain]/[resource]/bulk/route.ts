import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { errorResponse, reportError } from '@admin-hub/engine/http/errors';
import { searchParamsToRecord } from '@admin-hub/engine/http/search-params';
import { authorize } from '@admin-hub/engine/auth/access';
import {
  bulkCapabilities,
  BulkInterruptedError,
  BulkRequestError,
  countMatching,
  MAX_BULK_IDS,
  startBulk,
  type BulkAction,
  type BulkTarget,
} from '@admin-hub/engine/records/bulk';
import { findResource } from '@admin-hub/engine/resources/registry';
import { requireApiOperator } from '@/web/operator';
import { assertSameOrigin } from '@/web/same-origin';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * GET /api/d/<domain>/<resource>/bulk?<list parameters>: what bulk actions this operator may
 * run here (`actions`), and with `count=exact` the exact number of rows the filter matches
 * (`matching`), which the page shows in the "select all N matching" confirmation and sends
 * back as the confirmed count.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ domain: string; resource: string }> }): Promise<Response> {
  try {
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    authorize(operator, found.resource, 'bulk');
    const params = searchParamsToRecord(request.nextUrl.searchParams);
    const matching = params.count === 'exact' ? await countMatching(operator, found.domain, found.resource, params) : undefined;
    return Response.json({ actions: bulkCapabilities(operator, found.resource), matching }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

const BulkBody = z
  .object({
    action: z.enum(['delete', 'restore', 'set']),
    field: z.string().max(200).optional(),
    value: z.unknown().optional(),
    ids: z.array(z.string().max(2000)).max(MAX_BULK_IDS).optional(),
    /** The list's query string (search, filters, trash) and the exact count the operator confirmed. */
    matching: z
      .object({ query: z.string().max(20_000), count: z.number().int().nonnegative() })
      .strict()
      .optional(),
    batchSize: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.matching === undefined), 'Give either ids or matching, not both.')
  .refine((b) => b.action !== 'set' || b.field !== undefined, 'Setting a field needs the field.');

/**
 * POST /api/d/<domain>/<resource>/bulk with JSON `{ action: 'delete' | 'restore' | 'set',
 * field?, value?, ids? | matching?: { query, count } }`. Refusals come back as plain JSON
 * with a status (401, 403, 400; 409 with `matching` when the filter's count changed since
 * it was confirmed) before anything is written. Otherwise the answer is 200 and a stream of
 * JSON lines, one per committed batch, so the page can show progress:
 *
 *   {"type":"start","total":1000}
 *   {"type":"batch","batch":1,"size":200,"processed":200,"done":199,"failed":[{"id":"17","reason":"…"}]}
 *   {"type":"end","done":999,"failed":[…]}            (or, if a batch could not run at all:)
 *   {"type":"error","error":"…","processed":400,"done":399,"failed":[…]}
 *
 * Closing the connection stops the run after the batch in progress (each batch commits or
 * rolls back as a whole).
 */
export async function POST(request: NextRequest, context: { params: Promise<{ domain: string; resource: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const operator = await requireApiOperator(request);
    const { domain, resource } = await context.params;
    const found = await findResource(domain, resource);
    const parsed = BulkBody.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success)
      throw new BulkRequestError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
    const body = parsed.data;
    const action: BulkAction = body.action === 'set' ? { kind: 'set', field: body.field!, value: body.value ?? null } : { kind: body.action };
    const target: BulkTarget = body.ids
      ? { ids: body.ids }
      : { matching: searchParamsToRecord(new URLSearchParams(body.matching!.query)), confirmedCount: body.matching!.count };
    const stop = new AbortController();
    request.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const run = await startBulk(operator, found.domain, found.resource, action, target, { signal: stop.signal, batchSize: body.batchSize });

    const batches = run.batches();
    const encoder = new TextEncoder();
    const line = (value: object) => encoder.encode(`${JSON.stringify(value)}\n`);
    const stream = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(line({ type: 'start', total: run.total }));
        },
        async pull(controller) {
          try {
            const next = await batches.next();
            if (next.done) {
              controller.enqueue(line({ type: 'end', ...next.value }));
              controller.close();
              return;
            }
            controller.enqueue(line({ type: 'batch', ...next.value }));
          } catch (error) {
            const interrupted = error instanceof BulkInterruptedError ? error : undefined;
            const { body: problem } = reportError(interrupted ? interrupted.cause : error); // an unexpected one is logged once, its reference in the line
            controller.enqueue(
              line({
                type: 'error',
                error: problem.error,
                processed: interrupted?.result.processed ?? 0,
                done: interrupted?.result.done ?? 0,
                failed: interrupted?.result.failed ?? [],
              }),
            );
            controller.close();
          }
        },
        cancel() {
          stop.abort(); // the batch in progress commits; no further batch starts
          void batches.return({ done: 0, failed: [] }).catch(() => undefined); // ends the run (and records its summary)
        },
      },
      { highWaterMark: 1 },
    );
    return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', ...noStore, 'x-content-type-options': 'nosniff' } });
  } catch (error) {
    return errorResponse(error);
  }
}
