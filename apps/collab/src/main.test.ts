import { testServerUrl } from "@hashiya/db/testing";
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import { startMain as spawnMain } from "./testing/main-process";

const started: ReturnType<typeof spawnMain>[] = [];

function startMain(env: Record<string, string>) {
  const main = spawnMain(env);
  started.push(main);
  return main;
}

// The whole process group: tsx and the server it runs.
afterEach(() => {
  for (const main of started.splice(0)) main.kill("SIGKILL");
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
  const main = startMain({ ...valid, COLLAB_PORT: "0", COLLAB_ALLOW_MISSING_ORIGIN: "true" });
  const url = await main.listening();

  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.close();

  main.kill("SIGTERM");
  expect(await main.exited).toBe(0);
  expect(main.output().stdout).toContain("collab stopped");
});
