import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServerUrl } from "../testing/test-database";
import { quoteIdent, withAdminClient, withDatabase } from "./admin";
import { applyMigrations, readMigrations } from "./migrations";

// A scratch database of its own, since these tests migrate from empty.
const name = `hashiya_test_migrations_${process.pid}`;
const url = withDatabase(testServerUrl(), name);

beforeAll(() =>
  withAdminClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  }),
);
afterAll(() =>
  withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)),
);

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("applies the committed migrations and records them as Prisma does", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual(migrations.map((m) => m.name));

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      migrations.map((m) => ({
        migration_name: m.name,
        checksum: createHash("sha256").update(m.sql).digest("hex"),
        applied_steps_count: 1,
      })),
    );
    const tables = await query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["users", "courses", "memberships", "texts", "accounts", "sessions"]),
    );
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("rolls back a failing migration whole, says which one, and applies nothing after it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hashiya-migrations-"));
    const write = async (migration: string, sql: string) => {
      await mkdir(path.join(dir, migration));
      await writeFile(path.join(dir, migration, "migration.sql"), sql);
    };
    await write("1_good", "CREATE TABLE good_one (id int);");
    await write("2_bad", "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;");
    await write("3_after", "CREATE TABLE after_bad (id int);");

    await expect(applyMigrations(url, { dir })).rejects.toThrow(/2_bad failed and was rolled back/);
    const tables = (await query<{ tablename: string }>("SELECT tablename FROM pg_tables")).map(
      (t) => t.tablename,
    );
    expect(tables).toContain("good_one");
    expect(tables).not.toContain("half_done");
    expect(tables).not.toContain("after_bad");
    const recorded = await query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '%\\_%' ESCAPE '\\' AND migration_name IN ('1_good', '2_bad')`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(["1_good"]);
  });
});
