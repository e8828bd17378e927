// Next.js configuration: server-only packages stay out of the bundles (Prisma, PGlite, webR, ws, pg).
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "@electric-sql/pglite", "webr", "ws", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
};

export default nextConfig;
