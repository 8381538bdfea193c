// The live stream over real HTTP: tRPC's fetch adapter on a node:http server (and the web
// app's fast path in front of it), a tRPC client with httpSubscriptionLink, and the connection
// cut mid-stream.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { startTrpcServer, type TestTrpcServer } from "../testing/http-server";
import { settle } from "../testing/live";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { sseClientAs } from "../testing/sse-client";
import { createLiveHub, type LiveHub } from "./hub";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;
const servers: Record<"tRPC's own SSE" | "the fast path", TestTrpcServer> = {} as never;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_sse");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  const student = world.users.get("student")!;
  for (const liveFastPath of [false, true]) {
    servers[liveFastPath ? "the fast path" : "tRPC's own SSE"] = await startTrpcServer({
      db: testDb.db,
      live: hub,
      users: new Map([[student.id, student]]),
      liveFastPath,
    });
  }
  await hub.ready();
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
  await hub.close();
  await testDb.drop();
});

async function until(done: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(["tRPC's own SSE", "the fast path"] as const)("live.onTextEvent over %s", (via) => {
  it("resumes after a cut connection without losing or repeating an event", async () => {
    const server = servers[via];
    const student = world.users.get("student")!;
    const text = world.privateText;
    const { lastEventId } = await callerFor(testDb.db, student).annotation.list({
      textId: text.id,
    });
    const client = sseClientAs(server.url, student.id);
    const received: LiveEvent[] = [];
    const errors: unknown[] = [];
    const subscription = client.live.onTextEvent.subscribe(
      { textId: text.id, lastEventId },
      { onData: ({ data }) => received.push(data), onError: (error) => errors.push(error) },
    );

    const writer = callerFor(testDb.db, world.classmate);
    const { thread } = await writer.annotation.create(annotationInput(text));
    await until(() => received.length === 1, "the first event");

    // A burst, cut in the middle of it: some events may be on the wire when it drops.
    const burst = ["١", "٢", "٣", "٤", "٥", "٦"].map((n) =>
      writer.reply.create({ annotationId: thread!.id, body: bodyOf(`رد ${n}`) }),
    );
    await until(() => received.length >= 3, "part of the burst");
    server.cutConnections();
    await Promise.all(burst);
    // Written while the client is away (it waits 300 ms before reconnecting).
    await writer.annotation.edit({ annotationId: thread!.id, isQuestion: true });

    await until(() => received.length >= 8, "the events after the cut");
    await settle(300);
    subscription.unsubscribe();

    expect(errors).toEqual([]);
    expect(received.map((event) => event.type)).toEqual([
      "thread.created",
      ...Array(6).fill("reply.created"),
      "thread.updated",
    ]);
    const ids = received.map((event) => BigInt(event.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(received.at(-1)!.thread).toMatchObject({ isQuestion: true });
    expect(received.at(-1)!.thread!.replies).toHaveLength(6);
    // The reconnect asked for what came after the last event the client had.
    const subscriptions = server.requests.filter((r) => r.path.endsWith("live.onTextEvent"));
    expect(subscriptions.length).toBeGreaterThanOrEqual(2);
    expect(subscriptions[1]!.lastEventId).toMatch(/^\d+$/);
    expect(received.some((event) => event.eventId === subscriptions[1]!.lastEventId)).toBe(true);
    // Both the cut stream and the closed one let go of their hub registration.
    await until(() => hub.stats().subscribers === 0, "the server-side streams to end");
  });
});
