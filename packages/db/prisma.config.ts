import { defineConfig } from "prisma/config";

// The schema and migrations live in the repository's root `prisma/` folder.
// `generate` needs no database, so the URL may be absent.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hashiya" },
});
