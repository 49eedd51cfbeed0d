import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript sources, compiled by the app that uses them.
  transpilePackages: ['@tessera/api', '@tessera/db', '@tessera/ui'],
  // Native addons and drivers load from node_modules at run time instead of being bundled.
  // pdfkit reads its font metrics from its own folder when it runs.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'ioredis', 'pdfkit'],
};

export default config;
