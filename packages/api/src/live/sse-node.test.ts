// The web app's fast SSE path (written into Node's response) against tRPC's own, over real
// HTTP: for every viewer the same response, byte for byte — so the same events, filtered the
// same way, in tRPC's format — and tRPC still answers whatever the fast path does not take.
import type { LiveInput } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { startTrpcServer, TEST_USER_HEADER, type TestTrpcServer } from "../testing/http-server";
import { buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import type { SessionUser } from "../trpc";
import { fanoutOf } from "./fanout";
import { createLiveHub, type LiveHub } from "./hub";
import { plainLiveInput } from "./sse-node";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;
let viaTRPC: TestTrpcServer;
let viaFastPath: TestTrpcServer;

beforeAll(async () => {
  testDb = await createTestDatabase("api_live_sse_fast");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  const users = new Map<string, SessionUser>();
  for (const user of [...world.users.values(), world.classmate]) if (user) users.set(user.id, user);
  viaTRPC = await startTrpcServer({ db: testDb.db, live: hub, users });
  viaFastPath = await startTrpcServer({ db: testDb.db, live: hub, users, liveFastPath: true });
  await hub.ready();
});
afterAll(async () => {
  await Promise.all([viaTRPC.close(), viaFastPath.close()]);
  await hub.close();
  await testDb.drop();
});

const urlOf = (server: TestTrpcServer, input: LiveInput) =>
  `${server.url}/live.onTextEvent?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

/** A raw SSE response: status, headers and the text received so far. */
function openRaw(url: string, user: SessionUser | null, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const raw = {
    status: 0,
    headers: new Headers(),
    text: "",
    done: false,
    stop: () => abort.abort(),
  };
  const opened = fetch(url, {
    headers: { ...headers, ...(user ? { [TEST_USER_HEADER]: user.id } : {}) },
    signal: abort.signal,
  }).then(async (response) => {
    raw.status = response.status;
    raw.headers = response.headers;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        raw.text += decoder.decode(chunk, { stream: true });
      }
    } catch {
      // aborted
    }
    raw.done = true;
  });
  return Object.assign(raw, { opened });
}

async function until(done: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SSE_HEADERS = ["content-type", "cache-control", "vary", "x-accel-buffering", "connection"];
const viewers: (Persona | "author")[] = ["author", "anonymous", "student", "moderator", "admin"];
const userOf = (who: Persona | "author") =>
  who === "author" ? world.classmate : (world.users.get(who) ?? null);

describe("the fast SSE path", () => {
  it("sends every viewer the bytes tRPC sends: same events, same filtering, same format", async () => {
    const text = world.publicText;
    const { lastEventId } = await callerFor(testDb.db, null).annotation.list({ textId: text.id });
    const input = { textId: text.id, lastEventId };
    const streams = viewers.map((who) => ({
      who,
      tRPC: openRaw(urlOf(viaTRPC, input), userOf(who)),
      fast: openRaw(urlOf(viaFastPath, input), userOf(who)),
    }));
    const author = callerFor(testDb.db, world.classmate);
    const hidden = (
      await author.annotation.create(annotationInput(text, { visibility: "private" }))
    ).thread!;
    const staff = (
      await author.annotation.create(annotationInput(text, { visibility: "instructors" }))
    ).thread!;
    await author.reply.create({ annotationId: hidden.id, body: bodyOf("ملاحظة خاصة") });
    await author.reaction.set({
      target: { type: "annotation", id: staff.id },
      kind: "heart",
      on: true,
    });
    const sentinel = (await author.annotation.create(annotationInput(text))).thread!;
    for (const { who, tRPC, fast } of streams) {
      await until(
        () => tRPC.text.includes(sentinel.id) && fast.text.includes(sentinel.id),
        `the sentinel for ${who}`,
      );
    }
    for (const { who, tRPC, fast } of streams) {
      tRPC.stop();
      fast.stop();
      expect(fast.status, who).toBe(200);
      for (const name of SSE_HEADERS) {
        expect(fast.headers.get(name), `${who}: ${name}`).toBe(tRPC.headers.get(name));
      }
      expect(fast.text, who).toBe(tRPC.text);
      // And what the filtering let through, for the record:
      const sees = (id: string) => fast.text.includes(id);
      expect([sees(hidden.id), sees(staff.id)], who).toEqual(
        who === "author"
          ? [true, true]
          : who === "moderator" || who === "admin"
            ? [false, true]
            : [false, false],
      );
    }
    await until(() => fanoutOf(testDb.db, hub).stats().viewers === 0, "the streams to close");
  });

  it("resumes after the Last-Event-ID header, as tRPC does", async () => {
    const text = world.publicText;
    const author = callerFor(testDb.db, world.classmate);
    const first = (await author.annotation.create(annotationInput(text))).eventId;
    const second = (await author.annotation.create(annotationInput(text))).thread!;
    const input = { textId: text.id };
    const tRPC = openRaw(urlOf(viaTRPC, input), null, { "last-event-id": first });
    const fast = openRaw(urlOf(viaFastPath, input), null, { "last-event-id": first });
    await until(() => tRPC.text.includes(second.id) && fast.text.includes(second.id), "resume");
    tRPC.stop();
    fast.stop();
    expect(fast.text).toBe(tRPC.text);
    expect(fast.text).not.toContain(`id: ${first}\n`);
  });

  it("leaves to tRPC what it does not take, which answers with its own error event", async () => {
    const url = (input: LiveInput) => new URL(urlOf(viaFastPath, input));
    const plain = url({ textId: world.publicText.id });
    const take = (request: { method?: string; url: URL; lastEventIdHeader?: string | null }) =>
      plainLiveInput(request, "/trpc");
    expect(take({ method: "GET", url: plain })).toEqual({ textId: world.publicText.id });
    expect(take({ method: "GET", url: plain, lastEventIdHeader: "7" })).toEqual({
      textId: world.publicText.id,
      lastEventId: "7",
    });
    expect(take({ method: "GET", url: url({ textId: "" }) })).toBeNull();
    expect(take({ method: "POST", url: plain })).toBeNull();
    expect(take({ method: "GET", url: new URL(`${plain}&batch=1`) })).toBeNull();
    expect(take({ method: "GET", url: new URL(`${plain}&connectionParams=1`) })).toBeNull();
    const otherPath = new URL(plain);
    otherPath.pathname = otherPath.pathname.replace("live.onTextEvent", "annotation.list");
    expect(take({ method: "GET", url: otherPath })).toBeNull();

    // Through the server: the refusal is tRPC's, the same bytes as without the fast path.
    const strip = (text: string) => text.replace(/"stack":"(?:[^"\\]|\\.)*",?/g, "");
    const responses = await Promise.all(
      [viaTRPC, viaFastPath].map(async (server) => {
        const response = await fetch(urlOf(server, { textId: world.privateText.id }));
        return strip(await response.text());
      }),
    );
    expect(responses[1]).toContain("event: serialized-error");
    expect(responses[1]).toContain("NOT_FOUND");
    expect(responses[1]).toBe(responses[0]);
    const served = viaFastPath.fastPathServed;
    const open = openRaw(urlOf(viaFastPath, { textId: world.publicText.id }), null);
    await until(() => open.text.includes("event: connected"), "the fast path's stream");
    open.stop();
    expect(viaFastPath.fastPathServed).toBe(served + 1);
    await until(() => fanoutOf(testDb.db, hub).stats().texts === 0, "the channels to close");
  });
});
