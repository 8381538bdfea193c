import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, TEST_WEB_ORIGIN } from "../testing/harness";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("collab_origin");
});
afterAll(async () => {
  await database?.drop();
});

/** Opens a websocket with this Origin header (none if undefined): "open" or the HTTP status. */
function upgrade(url: string, origin: string | undefined): Promise<"open" | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once("open", () => {
      socket.close();
      resolve("open");
    });
    socket.once("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once("error", (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

describe.each([
  { allowMissingOrigin: false, missing: 403 },
  { allowMissingOrigin: true, missing: "open" },
])("with COLLAB_ALLOW_MISSING_ORIGIN=$allowMissingOrigin", ({ allowMissingOrigin, missing }) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(database.db, {
      allowedOrigins: [TEST_WEB_ORIGIN, "https://hashiya.example"],
      allowMissingOrigin,
    });
  });
  afterAll(async () => {
    await server?.server.destroy();
  });

  it("lets the web app's pages in and refuses other sites at the upgrade", async () => {
    expect(await upgrade(server.url, TEST_WEB_ORIGIN)).toBe("open");
    expect(await upgrade(server.url, "https://hashiya.example")).toBe("open");
    for (const origin of [
      "https://evil.example",
      "http://hashiya.example",
      "https://hashiya.example:8443",
      "http://localhost:3001",
      "null",
    ]) {
      expect(await upgrade(server.url, origin), origin).toBe(403);
    }
    expect(await upgrade(server.url, undefined)).toBe(missing);
    expect(server.logged.some((entry) => entry.event === "origin-refused")).toBe(true);
  });
});
