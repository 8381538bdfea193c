// Live events are filtered per viewer (DESIGN decision 3; Hypothesis once leaked private
// annotations over its realtime channel, h#6185): real subscriptions, real PostgreSQL.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { collectLive, type LiveCollector } from "../testing/live";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { createLiveHub, type LiveHub } from "./hub";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_visibility");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

// The public text, so that anonymous readers and non-members subscribe too.
const watchers: Persona[] = allPersonas;

async function subscribeAll(): Promise<Map<Persona | "author", LiveCollector>> {
  const subscriptions = new Map<Persona | "author", LiveCollector>();
  const textId = world.publicText.id;
  subscriptions.set("author", await collectLive(testDb.db, world.classmate, hub, { textId }));
  for (const persona of watchers) {
    const user = world.users.get(persona) ?? null;
    subscriptions.set(persona, await collectLive(testDb.db, user, hub, { textId }));
  }
  return subscriptions;
}

const stopAll = (subscriptions: Map<string, LiveCollector>) =>
  Promise.all([...subscriptions.values()].map((s) => s.stop()));

describe("live.onTextEvent per-viewer filtering", () => {
  it("a private thread reaches only its author; an instructors-only one only the author and staff", async () => {
    const subscriptions = await subscribeAll();
    const author = callerFor(testDb.db, world.classmate);
    const text = world.publicText;
    const privateThread = (
      await author.annotation.create(annotationInput(text, { visibility: "private" }))
    ).thread!;
    const staffThread = (
      await author.annotation.create(annotationInput(text, { visibility: "instructors" }))
    ).thread!;
    // Activity inside both threads must not leak either.
    await author.reply.create({ annotationId: privateThread.id, body: bodyOf("ملاحظة خاصة") });
    await author.reaction.set({
      target: { type: "annotation", id: staffThread.id },
      kind: "upvote",
      on: true,
    });
    await author.annotation.edit({ annotationId: privateThread.id, tags: ["سر"] });
    // Every viewer sees this one; once it arrived, everything before it was decided.
    const sentinel = (await author.annotation.create(annotationInput(text))).thread!;

    const expected: Record<Persona | "author", string[]> = {
      author: [
        privateThread.id,
        staffThread.id,
        privateThread.id,
        staffThread.id,
        privateThread.id,
        sentinel.id,
      ],
      anonymous: [sentinel.id],
      "non-member": [sentinel.id],
      "student of another course": [sentinel.id],
      student: [sentinel.id],
      moderator: [staffThread.id, staffThread.id, sentinel.id],
      instructor: [staffThread.id, staffThread.id, sentinel.id],
      admin: [staffThread.id, staffThread.id, sentinel.id],
    };
    for (const [who, subscription] of subscriptions) {
      await subscription.waitForThread(sentinel.id);
      expect(
        subscription.events.map((event) => event.annotationId),
        who,
      ).toEqual(expected[who]);
      if (who !== "author") {
        expect(JSON.stringify(subscription.events), who).not.toContain(privateThread.id);
        expect(JSON.stringify(subscription.events), who).not.toContain("ملاحظة خاصة");
      }
    }
    await stopAll(subscriptions);
  });

  it("a thread made private is removed from others' views live, and staff get it back as instructors-only", async () => {
    const subscriptions = await subscribeAll();
    const author = callerFor(testDb.db, world.classmate);
    const seen = (who: Persona | "author", annotationId: string) =>
      subscriptions
        .get(who)!
        .events.filter((event) => event.annotationId === annotationId)
        .map((event) => `${event.type}:${event.thread ? event.thread.visibility : "gone"}`);
    // Each step waits until the viewers who should hear of it did, so that every event is
    // shaped by the thread as it was right after it (the stream shows the current thread).
    const step = async (
      write: () => Promise<unknown>,
      expectations: Partial<Record<Persona | "author", number>>,
    ) => {
      await write();
      await Promise.all(
        Object.entries(expectations).map(([who, count]) =>
          until(() => seen(who as Persona, thread.id).length >= count!),
        ),
      );
    };
    const thread = (await author.annotation.create(annotationInput(world.publicText))).thread!;
    await step(async () => {}, { author: 1, moderator: 1, student: 1, anonymous: 1 });
    await step(() => author.annotation.edit({ annotationId: thread.id, visibility: "private" }), {
      author: 2,
      moderator: 2,
      student: 2,
      anonymous: 2,
    });
    await step(
      () => author.annotation.edit({ annotationId: thread.id, body: bodyOf("مسودة خاصة") }),
      {
        author: 3,
      },
    );
    await step(
      () => author.annotation.edit({ annotationId: thread.id, visibility: "instructors" }),
      {
        author: 4,
        moderator: 3,
      },
    );
    const sentinel = (await author.annotation.create(annotationInput(world.publicText))).thread!;
    for (const subscription of subscriptions.values())
      await subscription.waitForThread(sentinel.id);

    expect(seen("author", thread.id)).toEqual([
      "thread.created:course",
      "thread.updated:private",
      "thread.updated:private",
      "thread.updated:instructors",
    ]);
    for (const staff of ["moderator", "instructor", "admin"] as const) {
      expect(seen(staff, thread.id), staff).toEqual([
        "thread.created:course",
        "thread.deleted:gone",
        "thread.updated:instructors",
      ]);
    }
    for (const other of [
      "student",
      "anonymous",
      "non-member",
      "student of another course",
    ] as const) {
      expect(seen(other, thread.id), other).toEqual([
        "thread.created:course",
        "thread.deleted:gone",
      ]);
      expect(JSON.stringify(subscriptions.get(other)!.events), other).not.toContain("مسودة خاصة");
    }
    await stopAll(subscriptions);
  });
});

async function until(done: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for live events");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
