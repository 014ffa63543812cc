import type { NextRequest } from 'next/server';
import { auditResource } from '@/engine/audit/resource';
import { checkDomain } from '@/engine/config/current';
import { errorResponse } from '@/engine/http/errors';
import { exportResponse } from '@/web/export-response';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** One domain's audit log, filtered like its page, as CSV or JSON Lines (the domain's admins). */
export async function GET(request: NextRequest, context: { params: Promise<{ domain: string }> }): Promise<Response> {
  try {
    const operator = await requireApiOperator(request);
    const domain = checkDomain((await context.params).domain);
    return exportResponse(request, operator, 'hub', auditResource(domain));
  } catch (error) {
    return errorResponse(error);
  }
}
