import { createHash, randomBytes } from "node:crypto";
import { createDb, type Db } from "../client";
import { quoteIdent, withAdminClient, withDatabase } from "../server/admin";
import { applyMigrations, readMigrations } from "../server/migrations";

/**
 * The server tests run against. The test command sets it (the machine's PostgreSQL where one
 * answers, otherwise a throwaway embedded cluster); the default suits a developer's machine.
 */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

const TEMPLATE_LOCK = 72707370;

/**
 * A database migrated once per set of migrations and marked as a template, so each suite
 * gets its own copy in a fraction of a second instead of migrating again.
 */
export async function ensureTemplateDatabase(serverUrl = testServerUrl()): Promise<string> {
  const migrations = await readMigrations();
  const digest = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 12);
  const template = `hashiya_template_${digest}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
        template,
      ]);
      if (rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
      await applyMigrations(withDatabase(serverUrl, building));
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
      await client.query(`ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE true`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test suite. */
export async function createTestDatabase(label = "suite"): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const template = await ensureTemplateDatabase(serverUrl);
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, "_").slice(0, 24);
  const name = `hashiya_test_${safeLabel}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
  );
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { max: 4 });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}

/** Drops databases that earlier, interrupted runs left behind. */
export async function dropLeftoverTestDatabases(serverUrl = testServerUrl()): Promise<number> {
  return withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'hashiya\\_test\\_%'",
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
    return rows.length;
  });
}

