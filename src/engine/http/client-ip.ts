/**
 * The header serve() sets on every request to the client's address (behind HUB_TRUST_PROXY,
 * the proxy's X-Forwarded-For), read by sign-in limits and the audit's request context.
 * Any value the client sent under this name is overwritten, never trusted.
 */
export const CLIENT_IP_HEADER = 'x-hub-client-ip';
