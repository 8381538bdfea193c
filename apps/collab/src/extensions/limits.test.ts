import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { Server } from "@hocuspocus/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MessageTooBig, ResetConnection } from "../close-codes";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";
import { frames } from "../testing/raw-socket";
import { defaultLimits, Limits } from "./limits";

const LIMIT = 16 * 1024;
const clients = new Clients();
afterEach(() => clients.closeAll());

/** Resolves with the code and reason of the next time the provider's socket closes. */
function nextClose(socket: HocuspocusProviderWebsocket) {
  return new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", ({ event }: { event: { code: number; reason: string } }) =>
      resolve({ code: event.code, reason: event.reason }),
    );
  });
}

describe("on the collab server", () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    database = await createTestDatabase("collab_limits");
    server = await startTestServer(database.db, { maxMessageBytes: LIMIT });
  });
  afterAll(async () => {
    clients.closeAll();
    await server?.server.destroy();
    await database?.drop();
  });

  it("closes the socket with 1009 when a message is larger than the limit", async () => {
    const { db } = database;
    const course = await createCourse(db);
    const text = await createText(db, course.id);
    const member = await createUser(db);
    await addMember(db, course.id, member.id);
    const name = `text:${text.id}`;
    const { provider, socket, outcome } = await clients.connect(
      server.url,
      name,
      await tokenFor(member),
    );
    expect(outcome.type).toBe("authenticated");

    const atServer = () => server.server.hocuspocus.documents.get(name)?.getText("notes").length;

    // Half the limit (Arabic letters are two bytes each) goes through…
    const notes = provider.document.getText("notes");
    notes.insert(0, "ن".repeat(LIMIT / 4));
    await until(() => atServer() === LIMIT / 4, "the message under the limit");
    // …one update twice the limit does not: ws refuses the frame itself.
    const closed = nextClose(socket);
    notes.insert(0, "x".repeat(2 * LIMIT));
    expect((await closed).code).toBe(MessageTooBig.code);
    expect(atServer()).toBe(LIMIT / 4);
  });
});

describe("on a Hocuspocus fed by a transport without maxPayload", () => {
  let server: Server;

  beforeAll(async () => {
    // No websocketOptions: the beforeHandleMessage guard alone must hold the line.
    server = new Server({
      port: 0,
      quiet: true,
      stopOnSignals: false,
      extensions: [new Limits({ maxMessageBytes: LIMIT })],
    });
    await server.listen();
  });
  afterAll(async () => {
    clients.closeAll();
    await server?.destroy();
  });

  it("closes the socket with 1009 and says why", async () => {
    const url = `ws://127.0.0.1:${server.address.port}`;
    const { provider, socket } = await clients.connect(url, "any", null);
    const closed = nextClose(socket);
    provider.document.getText("notes").insert(0, "x".repeat(2 * LIMIT));
    expect(await closed).toEqual({ code: MessageTooBig.code, reason: MessageTooBig.reason });
    expect(server.hocuspocus.documents.get("any")?.getText("notes").length ?? 0).toBe(0);
  });
});

describe("before authentication", () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    database = await createTestDatabase("collab_queues");
    server = await startTestServer(database.db, {
      limits: {
        unauthenticatedQueueBytes: 8 * 1024,
        unauthenticatedQueueMessages: 6,
        pendingDocuments: 3,
      },
    });
  });
  afterAll(async () => {
    await server?.server.destroy();
    await database?.drop();
  });

  /** A socket that never authenticates and sends these messages; resolves with its close code. */
  async function unauthenticated(messages: Uint8Array[]) {
    const socket = new WebSocket(server.url);
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise((resolve) => socket.once("open", resolve));
    for (const message of messages) socket.send(message);
    const timeout = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), 1_000));
    const outcome = await Promise.race([closed, timeout]);
    socket.terminate();
    return outcome;
  }

  const awareness = (name: string, bytes: number) => frames.awareness(name, new Uint8Array(bytes));

  it("closes a socket that queues more messages than the cap", async () => {
    const step1 = frames.syncStep1("text:queued");
    expect(await unauthenticated(Array(6).fill(step1))).toBe("open");
    expect(await unauthenticated(Array(7).fill(step1))).toBe(ResetConnection.code);
  });

  it("closes a socket that queues more bytes than the cap", async () => {
    expect(
      await unauthenticated([awareness("text:queued", 3000), awareness("text:queued", 3000)]),
    ).toBe("open");
    expect(await unauthenticated([1, 2, 3].map(() => awareness("text:queued", 3000)))).toBe(
      ResetConnection.code,
    );
  });

  it("closes a socket that opens more documents than the cap without authenticating", async () => {
    const names = ["text:a", "text:b", "text:c", "text:d"];
    expect(await unauthenticated(names.slice(0, 3).map((name) => frames.syncStep1(name)))).toBe(
      "open",
    );
    expect(await unauthenticated(names.map((name) => frames.syncStep1(name)))).toBe(
      ResetConnection.code,
    );
  });

  it("sets caps well below Hocuspocus's defaults", () => {
    const configured = new Limits().serverOptions();
    expect(configured.maxUnauthenticatedQueueSize).toBe(defaultLimits.unauthenticatedQueueBytes);
    expect(configured.maxUnauthenticatedQueueSize).toBeLessThanOrEqual((5 * 1024 * 1024) / 10);
    expect(configured.maxUnauthenticatedQueueMessages).toBeLessThanOrEqual(1_000 / 10);
    expect(configured.maxPendingDocuments).toBeLessThanOrEqual(100 / 10);
  });
});
