import type { NextRequest } from 'next/server';
import { auditResource } from '@/engine/audit/resource';
import { errorResponse } from '@/engine/http/errors';
import { exportResponse } from '@/web/export-response';
import { requireApiOperator } from '@/web/operator';

export const dynamic = 'force-dynamic';

/** The whole audit log, filtered like its page, as CSV or JSON Lines (superadmins). */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    return exportResponse(request, await requireApiOperator(request), 'hub', auditResource());
  } catch (error) {
    return errorResponse(error);
  }
}
