// Starts the product's two servers — the Next.js web app and the collab (Hocuspocus) server —
// against a given database, for the run command and the browser tests alike.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertPortFree, startService, stopService, waitForHttp } from "./processes";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * V8 flags of the web server (apps/web's `start` script passes the same). Prisma's query
 * compiler is WebAssembly: V8 recompiles its hot functions with TurboFan in each isolate (the
 * server's thread and its export worker), and that compiler's ~60 MB stays in the process's RSS
 * from a moment that varies. Liftoff's code alone measured as fast (P1 p50 11.1-11.6 ms against
 * 11.5-12.3; P4 5.4 s against 5.5) with ~50-90 MB less RSS (P4's exporting process).
 */
export const WEB_V8_FLAGS = ["--liftoff-only"];

export interface StackOptions {
  databaseUrl: string;
  authSecret: string;
  webPort: number;
  collabPort: number;
  /** Host name the browser uses; cookies are bound to it. */
  host?: string;
  /** Hide the servers' own log lines (benchmarks print only their figures). */
  quiet?: boolean;
}

export interface RunningStack {
  webUrl: string;
  collabUrl: string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? "localhost";
  const webUrl = `http://${host}:${options.webPort}`;
  const collabUrl = `ws://${host}:${options.collabPort}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    AUTH_URL: webUrl,
    AUTH_TRUST_HOST: "true",
    COLLAB_URL: collabUrl,
    COLLAB_PORT: String(options.collabPort),
    // The collab server accepts websockets only from the web app's pages.
    COLLAB_PUBLIC_WEB_URL: webUrl,
    PORT: String(options.webPort),
  };
  await assertPortFree(options.webPort, "web app");
  await assertPortFree(options.collabPort, "collab server");
  const bin = (app: string, name: string) =>
    path.join(repoRoot, "apps", app, "node_modules/.bin", name);
  const collab = startService("collab", bin("collab", "tsx"), ["src/main.ts"], {
    cwd: path.join(repoRoot, "apps/collab"),
    env,
    quiet: options.quiet,
  });
  // `HASHIYA_WEB_NODE_ARGS` (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") adds node flags, for
  // profiling (NODE_OPTIONS refuses --cpu-prof).
  const webNodeArgs = process.env.HASHIYA_WEB_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const next = path.join(repoRoot, "apps/web/node_modules/next/dist/bin/next");
  const web = startService(
    "web",
    process.execPath,
    [...WEB_V8_FLAGS, ...webNodeArgs, next, "start", "--port", String(options.webPort)],
    {
      cwd: path.join(repoRoot, "apps/web"),
      env,
      quiet: options.quiet,
    },
  );
  const stop = async () => {
    await Promise.all([stopService(web), stopService(collab)]);
  };
  try {
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${options.collabPort}`, {
        timeoutMs: 30_000,
        service: collab,
        name: "The collab server",
      }),
      waitForHttp(`http://127.0.0.1:${options.webPort}/`, {
        timeoutMs: 60_000,
        service: web,
        name: "The web app",
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, collabUrl, stop };
}
