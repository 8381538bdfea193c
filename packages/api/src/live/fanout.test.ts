// The per-text fan-out: viewers that join mid-burst, and viewers too slow to keep up, get
// every event exactly once and in order; nothing stays registered once they leave.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { type LiveSubscription, fanoutOf } from "./fanout";
import { createLiveHub, type LiveHub } from "./hub";
import { openLiveSubscription } from "./subscription";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_fanout");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

/** A viewer whose sink records events; `slow` makes it refuse more after every delivery. */
async function viewer(lastEventId: string, options: { slow?: boolean } = {}) {
  const events: LiveEvent[] = [];
  let subscription: LiveSubscription | null = null;
  let paused = 0;
  subscription = await openLiveSubscription(
    { db: testDb.db, user: world.users.get("student")!, live: hub },
    { textId: world.publicText.id, lastEventId },
    {
      deliver(batch) {
        events.push(...batch);
        if (!options.slow) return true;
        // The consumer takes a while, then asks for more.
        paused++;
        setTimeout(() => subscription?.resume(), 15);
        return false;
      },
      fail(error) {
        throw error;
      },
    },
  );
  return { events, close: () => subscription?.close(), paused: () => paused };
}

async function until(done: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const idsOf = (events: LiveEvent[]) => events.map((event) => event.eventId);

describe("the live fan-out", () => {
  it("viewers joining during a burst, or too slow for it, get every event once, in order", async () => {
    const text = world.publicText;
    const writer = callerFor(testDb.db, world.classmate);
    const { lastEventId: start } = await writer.annotation.list({ textId: text.id });
    const { thread } = await writer.annotation.create(annotationInput(text));
    const burst = (async () => {
      for (let k = 0; k < 40; k++) {
        await writer.reply.create({ annotationId: thread!.id, body: bodyOf(`رد ${k}`) });
      }
    })();
    const steady = await viewer(start);
    const slow = await viewer(start, { slow: true });
    // Others open one by one while the burst is being written, from the same starting point.
    const late: Awaited<ReturnType<typeof viewer>>[] = [];
    for (let k = 0; k < 6; k++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      late.push(await viewer(start));
    }
    await burst;
    const all = [steady, slow, ...late];
    await until(() => all.every((v) => v.events.length >= 41), "every viewer to have 41 events");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const expected = idsOf(steady.events);
    expect(expected).toHaveLength(41);
    expect(expected).toEqual([...expected].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    for (const v of all) expect(idsOf(v.events)).toEqual(expected);
    expect(slow.paused()).toBeGreaterThan(1);
    for (const v of all) v.close();
    expect(fanoutOf(testDb.db, hub).stats()).toEqual({ texts: 0, viewers: 0 });
    expect(hub.stats().subscribers).toBe(0);
  });

  it("a viewer that starts from now gets the next event, and only it", async () => {
    const text = world.publicText;
    const writer = callerFor(testDb.db, world.classmate);
    await writer.annotation.create(annotationInput(text));
    const events: LiveEvent[] = [];
    const subscription = await openLiveSubscription(
      { db: testDb.db, user: null, live: hub },
      { textId: text.id },
      {
        deliver: (batch) => events.push(...batch) > 0,
        fail: (error) => {
          throw error;
        },
      },
    );
    const next = (await writer.annotation.create(annotationInput(text))).thread!;
    await until(() => events.length >= 1, "the next event");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.map((event) => event.annotationId)).toEqual([next.id]);
    subscription.close();
    subscription.close();
    expect(fanoutOf(testDb.db, hub).stats()).toEqual({ texts: 0, viewers: 0 });
  });
});
