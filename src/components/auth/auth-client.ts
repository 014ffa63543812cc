import { createAuthClient } from 'better-auth/react';

/** The browser half of Better Auth: same origin, so no base URL is needed. */
export const authClient = createAuthClient();
