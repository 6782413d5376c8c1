import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files it loads from its own package folder; pg-boss and postgres.js
  // are plain Node libraries. Keep all of them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "postgres", "pg"],
  poweredByHeader: false,
  // Lets several dev servers (one per engineer or agent) run from one checkout side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
