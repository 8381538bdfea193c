// How events travel: across processes through NOTIFY, across reconnects through the log.
import { createDb, type Db } from "@hashiya/db";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { collectLive, settle } from "../testing/live";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import type { SessionUser } from "../trpc";
import { createLiveHub, LIVE_HUB_APPLICATION_NAME, type LiveHub } from "./hub";

let testDb: TestDatabase;
let world: CourseWorld;
let student: SessionUser;
const hubs: LiveHub[] = [];
const clients: Db[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_delivery");
  world = await buildCourseWorld(testDb.db);
  student = world.users.get("student")!;
});
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  await Promise.all(clients.map((db) => db.$disconnect()));
  await testDb.drop();
});

async function newHub(options: Parameters<typeof createLiveHub>[1] = {}) {
  const hub = createLiveHub(testDb.url, { onError: () => {}, ...options });
  hubs.push(hub);
  await hub.ready();
  return hub;
}

describe("across processes", () => {
  it("a write in one process reaches a subscriber of another through NOTIFY", async () => {
    // Two "processes": each its own hub and its own database pool.
    await newHub();
    const otherHub = await newHub();
    const otherDb = createDb(testDb.url, { max: 2 });
    clients.push(otherDb);
    const text = world.privateText;
    const subscription = await collectLive(otherDb, student, otherHub, { textId: text.id });
    const writer = callerFor(testDb.db, world.classmate);
    const { thread } = await writer.annotation.create(annotationInput(text));
    const [event] = await subscription.waitFor(1);
    expect(event).toMatchObject({ type: "thread.created", annotationId: thread!.id });
    expect(event!.thread?.bodyHtml).toContain("تعليق على هذه العبارة");
    await subscription.stop();
  });

  it("a hub whose LISTEN connection is killed reconnects and wakes its subscribers", async () => {
    const hub = await newHub({ retryMs: 20 });
    const text = world.privateText;
    const subscription = await collectLive(testDb.db, student, hub, { textId: text.id });
    const admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [LIVE_HUB_APPLICATION_NAME],
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    // Written while the hub may be down: the reconnect's wake-up must still deliver it.
    const writer = callerFor(testDb.db, world.classmate);
    const first = (await writer.annotation.create(annotationInput(text))).thread!;
    await hub.ready();
    // Still registered: the text's channel, and the viewer's membership watchers (their own
    // changes and their course's).
    expect(hub.stats()).toMatchObject({ connected: true, subscribers: 3 });
    const second = (await writer.annotation.create(annotationInput(text))).thread!;
    const events = await subscription.waitFor(2);
    expect(events.map((event) => event.annotationId)).toEqual([first.id, second.id]);
    await subscription.stop();
  });
});

describe("in the writer's process", () => {
  it("delivers at commit and reads nothing more when the write's NOTIFY comes back", async () => {
    const hub = await newHub();
    // The process's client, counting its reads of the event log (a real database).
    let logReads = 0;
    const counted = createDb(testDb.url, { max: 4 });
    clients.push(counted);
    const db = counted.$extends({
      query: {
        textEvent: {
          findMany({ args, query }) {
            logReads++;
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const text = world.privateText;
    const subscription = await collectLive(db, student, hub, { textId: text.id });
    const writer = callerFor(db, world.classmate);
    // The first write finds the viewer joined and the channel level with the log.
    await writer.annotation.create(annotationInput(text));
    await subscription.waitFor(1);
    // Until the channel is idle (the join's read, and any for the first write, are over).
    for (let seen = -1; seen !== logReads; ) {
      seen = logReads;
      await settle(300);
    }
    logReads = 0;
    const { thread } = await writer.annotation.create(annotationInput(text));
    const events = await subscription.waitFor(2);
    expect(events[1]).toMatchObject({ type: "thread.created", annotationId: thread!.id });
    // Long enough for the NOTIFY to come back through PostgreSQL and wake the channel.
    await settle(300);
    expect(logReads).toBe(0);
    expect(subscription.events).toHaveLength(2);
    await subscription.stop();
  });

  it("comments written at once in one text reach a viewer once each, in the log's order", async () => {
    const hub = await newHub();
    const text = world.privateText;
    const subscription = await collectLive(testDb.db, student, hub, { textId: text.id });
    // Two writers on two clients at once: the text's lock orders their ids and commits, and a
    // write offered at commit is delivered only when it comes right after what was delivered.
    const other = createDb(testDb.url, { max: 4 });
    clients.push(other);
    const writers = [callerFor(testDb.db, world.classmate), callerFor(other, student)];
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, k) =>
        writers[k % 2]!.annotation.create(annotationInput(text)),
      ),
    );
    const events = await subscription.waitFor(24);
    expect(new Set(events.map((event) => event.annotationId))).toEqual(
      new Set(created.map(({ thread }) => thread!.id)),
    );
    const ids = events.map((event) => BigInt(event.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await settle(300);
    expect(subscription.events).toHaveLength(24);
    await subscription.stop();
  });
});

describe("catching up after a cut", () => {
  it("resumes after the last event seen: exactly the missed events, in order, no duplicates", async () => {
    const hub = await newHub();
    const text = world.privateText;
    const writer = callerFor(testDb.db, world.classmate);
    const { lastEventId: start } = await callerFor(testDb.db, student).annotation.list({
      textId: text.id,
    });
    // Cut mid-stream: five events are waiting, the connection drops after the second.
    const cut = await collectLive(
      testDb.db,
      student,
      hub,
      { textId: text.id, lastEventId: start },
      { stopAfter: 2 },
    );
    const { thread } = await writer.annotation.create(annotationInput(text));
    for (const word of ["أ", "ب", "ج", "د"]) {
      await writer.reply.create({ annotationId: thread!.id, body: bodyOf(word) });
    }
    const before = await cut.waitFor(2);
    await cut.stop();
    await settle(100);
    expect(cut.events).toHaveLength(2);
    // More happens while the viewer is away.
    await writer.reaction.set({
      target: { type: "annotation", id: thread!.id },
      kind: "heart",
      on: true,
    });
    await writer.annotation.edit({ annotationId: thread!.id, isQuestion: true });

    const resumed = await collectLive(testDb.db, student, hub, {
      textId: text.id,
      lastEventId: before.at(-1)!.eventId,
    });
    const after = await resumed.waitFor(5);
    await settle(200);
    const all = [...before, ...resumed.events];
    expect(all.map((event) => event.type)).toEqual([
      "thread.created",
      "reply.created",
      "reply.created",
      "reply.created",
      "reply.created",
      "reactions.changed",
      "thread.updated",
    ]);
    const ids = all.map((event) => BigInt(event.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.at(-1)!.thread).toMatchObject({
      isQuestion: true,
      reactions: [{ kind: "heart", count: 1, mine: false }],
    });
    await resumed.stop();
  });

  it("a subscription from the lastEventId of annotation.list gets what was written in between", async () => {
    const hub = await newHub();
    const text = world.privateText;
    const writer = callerFor(testDb.db, world.classmate);
    const listed = await callerFor(testDb.db, student).annotation.list({ textId: text.id });
    const missed = (await writer.annotation.create(annotationInput(text))).thread!;
    const fromList = await collectLive(testDb.db, student, hub, {
      textId: text.id,
      lastEventId: listed.lastEventId,
    });
    expect((await fromList.waitFor(1))[0]!.annotationId).toBe(missed.id);
    await fromList.stop();
  });
});
