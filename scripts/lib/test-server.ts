// The PostgreSQL server the tests use: TEST_DATABASE_URL if set, the machine's at
// 127.0.0.1:5432 where it answers, otherwise a throwaway embedded cluster.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { canConnect, startEmbeddedPostgres } from "@hashiya/db/server";
import { freePort } from "./processes";

export interface TestServer {
  url: string;
  description: string;
  stop(): Promise<void>;
}

export async function provideTestServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, description: "TEST_DATABASE_URL", stop: async () => {} };
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await canConnect(local)) {
    return { url: local, description: "the PostgreSQL at 127.0.0.1:5432", stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "hashiya-test-pg-"));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as "postgres", which must enter it
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port });
  return {
    url: server.url,
    description: `a throwaway embedded PostgreSQL on port ${port}`,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
