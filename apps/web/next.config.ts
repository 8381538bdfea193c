import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  // Lets two builds of the app coexist (e.g. parallel development checks); default ".next".
  distDir: process.env.HASHIYA_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Compression is the entrance's job (deploy/Caddyfile): gzipping every API answer here cost
  // the web server 1–2 ms of CPU per comment (P1, measured), between its commit and delivery.
  compress: false,
  // The Web Annotation Protocol's containers end in "/" (`/texts/T/annotations/`, protocol
  // section 4): Next's redirect of such paths to their slash-less form would break them.
  skipTrailingSlashRedirect: true,
  // The one Pages API route (pages/api/live) bundles its dependencies as the app router does:
  // left external, next-auth's ESM import of "next/server" does not resolve.
  bundlePagesRouterDependencies: true,
  // The workspace packages ship TypeScript sources; Next compiles them with the app.
  transpilePackages: [
    "@hashiya/api",
    "@hashiya/auth",
    "@hashiya/db",
    "@hashiya/text-model",
    "@hashiya/annotation-schema",
  ],
};

export default withNextIntl(config);
