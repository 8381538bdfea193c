// The per-text fan-out: viewers that join mid-burst, and viewers too slow to keep up, get
// every event exactly once and in order; nothing stays registered once they leave.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { type LiveSubscription, fanoutOf } from "./fanout";
import { createDb, type Db } from "@hashiya/db";
import { createLiveHub, type LiveHub, type TextWakeups } from "./hub";
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

/** A hub that hears no NOTIFY: its watchers wake only when the test says so. */
function manualHub(): LiveHub & { wakeAll(): void } {
  const raisers = new Set<() => void>();
  return {
    watch(): TextWakeups {
      let raised = true;
      let resolve: (() => void) | null = null;
      const raise = () => {
        raised = true;
        resolve?.();
      };
      raisers.add(raise);
      return {
        async wait(signal) {
          if (!raised && !signal?.aborted) {
            await new Promise<void>((done) => {
              resolve = done;
              signal?.addEventListener("abort", () => done(), { once: true });
            });
          }
          raised = false;
          return performance.now();
        },
        close() {
          raisers.delete(raise);
          raise();
        },
      };
    },
    ready: async () => {},
    stats: () => ({ connected: true, texts: 0, subscribers: raisers.size }),
    close: async () => {},
    wakeAll: () => {
      for (const raise of raisers) raise();
    },
  };
}

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

  it("events committed in this process reach its viewers without the NOTIFY, never past a gap", async () => {
    const hub = manualHub();
    const text = world.publicText;
    // Another "process": its writes are announced by NOTIFY only, which this hub never hears.
    const elsewhere: Db = createDb(testDb.url, { max: 2 });
    const here = callerFor(testDb.db, world.classmate);
    const { lastEventId } = await here.annotation.list({ textId: text.id });
    const events: LiveEvent[] = [];
    const subscription = await openLiveSubscription(
      { db: testDb.db, user: null, live: hub },
      { textId: text.id, lastEventId },
      {
        deliver: (batch) => events.push(...batch) > 0,
        fail: (error) => {
          throw error;
        },
      },
    );
    await until(() => fanoutOf(testDb.db, hub).stats().viewers === 1, "the viewer to join");
    const first = (await here.annotation.create(annotationInput(text))).thread!;
    await until(() => events.length === 1, "the local event");
    // Written elsewhere, then here: the local event comes after one the channel has not seen,
    // so it waits for the log to be read rather than skip it.
    const far = (
      await callerFor(elsewhere, world.classmate).annotation.create(annotationInput(text))
    ).thread!;
    const near = (await here.annotation.create(annotationInput(text))).thread!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.map((event) => event.annotationId)).toEqual([first.id]);
    hub.wakeAll();
    await until(() => events.length === 3, "the read after the wake-up");
    expect(events.map((event) => event.annotationId)).toEqual([first.id, far.id, near.id]);
    subscription.close();
    await elsewhere.$disconnect();
  });
});
