import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/**
 * `tsx src/main.ts` with only the given variables (nothing leaks in from this process). tsx runs
 * the server in a child process of its own, so the two are started as a process group, and
 * `kill` signals the whole group: SIGKILL then really kills the server, not just tsx.
 */
export function startMain(env: Record<string, string>) {
  const child: ChildProcess = spawn(tsx, ["src/main.ts"], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const output = () => ({ stdout, stderr });

  /** Resolves with the ws:// URL once the process says it listens. */
  async function listening(timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const url = /collab listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url) return url;
      if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`main did not start: ${JSON.stringify(output())}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Signals tsx and the server (SIGTERM: tsx relays it; SIGKILL: both die at once). */
  function kill(signal: NodeJS.Signals) {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  }
  return { child, exited, output, listening, kill };
}

/** A TCP port that was free a moment ago (for a server restarted on the same port). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}
