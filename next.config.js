// Next.js configuration: server-only packages stay out of the bundles (Prisma, PGlite, webR, ws, pg).
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "@electric-sql/pglite", "webr", "ws", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // proxy.ts runs only for pages, which take no request bodies: Next.js need not buffer one for it.
  experimental: { proxyClientMaxBodySize: "64kb" },
  // Static files (scripts, Monaco's workers) carry no CSP, which a worker would inherit; pages get
  // theirs from proxy.ts and API responses from guardRoute (server/security/).
  async headers() {
    const nosniff = [{ key: "X-Content-Type-Options", value: "nosniff" }];
    return [{ source: "/_next/static/:path*", headers: nosniff }, { source: "/monaco/:path*", headers: nosniff }];
  },
};

export default nextConfig;
