import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../client";
import { ensureDatabaseExists, withDatabase } from "./admin";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";
import net from "node:net";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const parent = await mkdtemp(path.join(tmpdir(), "hashiya-embedded-"));
// mkdtemp makes a private folder; as root, PostgreSQL runs as "postgres" and must enter it.
await chmod(parent, 0o755);
afterAll(() => rm(parent, { recursive: true, force: true }));

describe("startEmbeddedPostgres", () => {
  it("runs a real PostgreSQL whose data survives a restart", async () => {
    const dataDir = path.join(parent, "data");
    const port = await freePort();
    let server = await startEmbeddedPostgres({ dataDir, port });
    const url = withDatabase(server.url, "hashiya");
    await ensureDatabaseExists(url);
    await applyMigrations(url);
    let db = createDb(url, { max: 1 });
    await db.course.create({ data: { title: "يبقى بعد إعادة التشغيل" } });
    await db.$disconnect();
    await server.stop();

    server = await startEmbeddedPostgres({ dataDir, port });
    db = createDb(url, { max: 1 });
    try {
      expect((await db.course.findMany()).map((c) => c.title)).toEqual(["يبقى بعد إعادة التشغيل"]);
      expect(await applyMigrations(url)).toEqual([]);
    } finally {
      await db.$disconnect();
      await server.stop();
    }
  }, 120_000);
});
