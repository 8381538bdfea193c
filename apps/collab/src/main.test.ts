import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { testServerUrl } from "@hashiya/db/testing";
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const started: ChildProcess[] = [];

/** `tsx src/main.ts` with only the given variables (nothing leaks in from this process). */
function startMain(env: Record<string, string>) {
  const child = spawn(tsx, ["src/main.ts"], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

const valid = {
  AUTH_SECRET: "a-secret-of-at-least-thirty-two-characters",
  // Only parsed: nothing is queried until a client connects.
  DATABASE_URL: testServerUrl(),
};

it("does not start without AUTH_SECRET, and says so in a sentence", async () => {
  const main = startMain({ DATABASE_URL: valid.DATABASE_URL });
  expect(await main.exited).toBe(1);
  expect(main.output().stderr).toMatch(
    /The collab server cannot start\. AUTH_SECRET is not set: give it the same value as the web app's AUTH_SECRET\./,
  );
  expect(main.output().stdout).not.toContain("listening");
});

it("does not start with a wrong COLLAB_PORT, and names it", async () => {
  const main = startMain({ ...valid, COLLAB_PORT: "eighty" });
  expect(await main.exited).toBe(1);
  expect(main.output().stderr).toContain("COLLAB_PORT must be a port number from 0 to 65535.");
});

it("listens, answers a websocket, and stops cleanly on SIGTERM", async () => {
  const main = startMain({ ...valid, COLLAB_PORT: "0" });
  const deadline = Date.now() + 20_000;
  let url: string | undefined;
  while (!url) {
    if (Date.now() > deadline || main.child.exitCode !== null) {
      throw new Error(`main did not start: ${JSON.stringify(main.output())}`);
    }
    url = /collab listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(main.output().stdout)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.close();

  main.child.kill("SIGTERM");
  expect(await main.exited).toBe(0);
  expect(main.output().stdout).toContain("collab stopped");
});
