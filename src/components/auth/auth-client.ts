/**
 * The browser half of Better Auth, as the three calls the hub makes: plain `fetch` to its
 * same-origin endpoints (/api/auth/…), not `better-auth/react`, whose client (with better-fetch
 * and nanostores, ~12 KB gzip) was in the first load of every page (issue 18).
 */

export interface AuthFailure {
  status: number;
  /** Better Auth's message, e.g. the hub's "Too many failed sign-ins … Try again in 42 seconds." */
  message?: string;
  code?: string;
}

async function post(path: string, body: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; error?: AuthFailure }> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'include',
    });
  } catch {
    return { error: { status: 0, message: 'The hub could not be reached.' } };
  }
  const json = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!response.ok) {
    const message = typeof json?.message === 'string' ? json.message : undefined;
    const code = typeof json?.code === 'string' ? json.code : undefined;
    return { error: { status: response.status, message, code } };
  }
  return { data: json };
}

export const authClient = {
  signIn: {
    email: (credentials: { email: string; password: string }) => post('/sign-in/email', credentials),
    /** Asks Better Auth for the provider's address and goes there (what its client's redirect plugin did). */
    social: async (options: { provider: string; callbackURL: string; errorCallbackURL: string }) => {
      const answer = await post('/sign-in/social', options);
      if (typeof answer.data?.url === 'string' && answer.data.redirect !== false) window.location.href = answer.data.url;
      return answer;
    },
  },
  signOut: () => post('/sign-out', {}),
};
