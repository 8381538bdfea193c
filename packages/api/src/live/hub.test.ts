import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub, parseTextEventsPayload, TEXT_EVENTS_CHANNEL } from "./hub";

let testDb: TestDatabase;
let hub: LiveHub;
let notifier: pg.Client;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_hub");
  hub = createLiveHub(testDb.url);
  notifier = new pg.Client({ connectionString: testDb.url });
  await Promise.all([hub.ready(), notifier.connect()]);
});
afterAll(async () => {
  await notifier.end();
  await hub.close();
  await testDb.drop();
});

const notify = (textId: string) =>
  notifier.query("SELECT pg_notify($1, $2)", [TEXT_EVENTS_CHANNEL, textId]);
const resolvedWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe("LiveHub", () => {
  it("wakes the watchers of the notified text only, and keeps a wake-up that came while busy", async () => {
    const a = hub.watch("text-a");
    const b = hub.watch("text-b");
    // Each starts raised, so the first read happens at once.
    expect(await resolvedWithin(a.wait(), 50)).toBe(true);
    expect(await resolvedWithin(b.wait(), 50)).toBe(true);
    await notify("text-a");
    await new Promise((r) => setTimeout(r, 100));
    // "a" was busy (not waiting) when the notification came: the wait returns at once.
    expect(await resolvedWithin(a.wait(), 50)).toBe(true);
    expect(await resolvedWithin(b.wait(), 100)).toBe(false);
    a.close();
    b.close();
    expect(hub.stats().subscribers).toBe(0);
  });

  it("tells a woken watcher the newest event announced, unless a wake-up named none", async () => {
    const watcher = hub.watch("text-d");
    await watcher.wait();
    // The first wait reads whatever the cursor.
    expect(watcher.announced).toBeNull();
    await notify("text-d:7");
    await notify("text-d:12");
    await notify("text-d:9");
    await new Promise((r) => setTimeout(r, 100));
    await watcher.wait();
    expect(watcher.announced).toBe(12n);
    await notify("text-d:13");
    await notify("text-d");
    await new Promise((r) => setTimeout(r, 100));
    await watcher.wait();
    expect(watcher.announced).toBeNull();
    watcher.close();
  });

  it("reads a text id and an event id from a payload, and a bare text id as such", () => {
    expect(parseTextEventsPayload("ck1:42")).toEqual({ textId: "ck1", upTo: 42n });
    expect(parseTextEventsPayload("ck1")).toEqual({ textId: "ck1" });
    expect(parseTextEventsPayload("ck1:x")).toEqual({ textId: "ck1:x" });
  });

  it("ends a wait when its signal aborts", async () => {
    const watcher = hub.watch("text-c");
    await watcher.wait();
    const abort = new AbortController();
    const waiting = watcher.wait(abort.signal);
    abort.abort();
    expect(await resolvedWithin(waiting, 50)).toBe(true);
    watcher.close();
  });
});
