/**
 * An API address nothing answers: a JSON 404, rather than the hub's catch-all page
 * ((hub)/[...missing]), which would send a caller without a session to the sign-in page.
 */
function missing(): Response {
  return Response.json({ error: 'Not found.' }, { status: 404, headers: { 'cache-control': 'no-store' } });
}

export const GET = missing;
export const HEAD = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
export const OPTIONS = missing;
