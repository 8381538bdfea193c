// A removed member or a changed role takes effect at once on open live streams: the change is
// announced after its commit (`hashiya_membership`), and each stream it concerns decides again
// what its viewer may see — through createCaller, and over real HTTP with a real EventSource
// on both the web app's fast SSE path and tRPC's own.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  annotationInput,
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { startTrpcServer, type TestTrpcServer } from "../testing/http-server";
import { collectLive, type LiveCollector, waitUntil } from "../testing/live";
import { sseClientAs } from "../testing/sse-client";
import { useLiveHub, useTestDatabase } from "../testing/suite";
import type { SessionUser } from "../trpc";

const testDb = useTestDatabase("api_live_membership");
const hub = useLiveHub(testDb);
const users = new Map<string, SessionUser>();
const servers: Record<"tRPC's own SSE" | "the fast path", TestTrpcServer> = {} as never;

beforeAll(async () => {
  for (const liveFastPath of [false, true]) {
    servers[liveFastPath ? "the fast path" : "tRPC's own SSE"] = await startTrpcServer({
      db: testDb.db,
      live: hub,
      users,
      liveFastPath,
    });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

async function person() {
  const user = sessionOf(await buildUser(testDb.db));
  users.set(user.id, user);
  return user;
}

/** A course with an instructor, a student and a classmate, and a text (public or not). */
async function classroom(options: { isPublic?: boolean } = {}) {
  const course = await buildCourse(testDb.db);
  const text = await buildText(testDb.db, course.id, { isPublic: options.isPublic ?? false });
  const [instructor, student, classmate] = await Promise.all([person(), person(), person()]);
  await buildMembership(testDb.db, course.id, instructor.id, "instructor");
  await buildMembership(testDb.db, course.id, student.id, "student");
  await buildMembership(testDb.db, course.id, classmate.id, "student");
  const as = (user: SessionUser) => callerFor(testDb.db, user);
  return { courseId: course.id, text, instructor, student, classmate, as };
}

const types = (events: LiveEvent[]) => events.map((event) => event.type);

/**
 * Waits until each stream delivers a thread posted now: only then has it read the viewer's lens,
 * so a membership change after it is one the stream must tell (before, it would read the new
 * lens and have nothing to tell, or find the text closed).
 */
async function streamsOpen(
  poster: ReturnType<typeof callerFor>,
  text: { id: string; version: number },
  ...streams: LiveCollector[]
) {
  const { thread } = await poster.annotation.create(annotationInput(text));
  await Promise.all(streams.map((live) => live.waitForThread(thread!.id)));
}

describe("through createCaller", () => {
  it("a removed student is told, then the stream ends with a sentence", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom();
    const live = await collectLive(testDb.db, student, hub, { textId: text.id });
    await streamsOpen(as(classmate), text, live);
    await as(instructor).member.remove({ courseId, userId: student.id });
    await waitUntil(() => live.error !== undefined, "the stream to end");
    expect(types(live.events)).toEqual(["thread.created", "access.revoked"]);
    expect(live.events[1]).toMatchObject({ textId: text.id, annotationId: "", thread: null });
    expect(await rejectionOf(Promise.reject(live.error))).toBe("course.access_revoked");
    // The text itself is now closed to them, as to any outsider.
    expect(await rejectionOf(as(student).annotation.list({ textId: text.id }))).toBe("not_found");
  });

  it("a student made moderator is told to read again, and gets instructors-only threads from then on", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom();
    const live = await collectLive(testDb.db, student, hub, { textId: text.id });
    // Before: a classmate's instructors-only thread is not theirs to hear of.
    const hidden = await as(classmate).annotation.create(
      annotationInput(text, { visibility: "instructors" }),
    );
    const sentinel = await as(classmate).annotation.create(annotationInput(text));
    await live.waitForThread(sentinel.thread!.id);
    expect(live.events.some((e) => e.annotationId === hidden.thread!.id)).toBe(false);

    await as(instructor).member.setRole({ courseId, userId: student.id, role: "moderator" });
    await waitUntil(() => types(live.events).includes("access.changed"), "access.changed");
    const after = await as(classmate).annotation.create(
      annotationInput(text, { visibility: "instructors" }),
    );
    const event = await live.waitForThread(after.thread!.id);
    expect(event).toMatchObject({ type: "thread.created", thread: { visibility: "instructors" } });
    expect(live.error).toBeUndefined();
    await live.stop();
  });

  it("a moderator made student stops getting instructors-only threads", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom();
    await as(instructor).member.setRole({ courseId, userId: student.id, role: "moderator" });
    const live = await collectLive(testDb.db, student, hub, { textId: text.id });
    await streamsOpen(as(classmate), text, live);
    await as(instructor).member.setRole({ courseId, userId: student.id, role: "student" });
    await waitUntil(() => types(live.events).includes("access.changed"), "access.changed");
    const hidden = await as(classmate).annotation.create(
      annotationInput(text, { visibility: "instructors" }),
    );
    const sentinel = await as(classmate).annotation.create(annotationInput(text));
    await live.waitForThread(sentinel.thread!.id);
    expect(live.events.some((e) => e.annotationId === hidden.thread!.id)).toBe(false);
    await live.stop();
  });

  it("a student removed while reading a public text keeps reading, told to read again", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom({
      isPublic: true,
    });
    const live = await collectLive(testDb.db, student, hub, { textId: text.id });
    await streamsOpen(as(classmate), text, live);
    await as(instructor).member.remove({ courseId, userId: student.id });
    await waitUntil(() => types(live.events).includes("access.changed"), "access.changed");
    const next = await as(classmate).annotation.create(annotationInput(text));
    await live.waitForThread(next.thread!.id);
    expect(live.error).toBeUndefined();
    await live.stop();
  });

  it("archiving tells every reader of the course; a change for someone else tells nobody else", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom();
    const [mine, theirs] = await Promise.all([
      collectLive(testDb.db, student, hub, { textId: text.id }),
      collectLive(testDb.db, classmate, hub, { textId: text.id }),
    ]);
    await streamsOpen(as(instructor), text, mine, theirs);
    const bystander = await person();
    await buildMembership(testDb.db, courseId, bystander.id, "student");
    await as(instructor).member.setRole({ courseId, userId: bystander.id, role: "moderator" });
    await as(instructor).course.archive({ courseId });
    await waitUntil(
      () => [mine, theirs].every((live) => types(live.events).includes("access.changed")),
      "both told",
    );
    // Told once each: the bystander's role change, before, concerned neither.
    expect(types(mine.events)).toEqual(["thread.created", "access.changed"]);
    expect(types(theirs.events)).toEqual(["thread.created", "access.changed"]);
    await Promise.all([mine.stop(), theirs.stop()]);
  });
});

describe.each(["tRPC's own SSE", "the fast path"] as const)("over %s", (via) => {
  it("a removed student's EventSource hears access.revoked and the stream ends", async () => {
    const { courseId, text, instructor, student, classmate, as } = await classroom();
    const { lastEventId } = await as(student).annotation.list({ textId: text.id });
    const client = sseClientAs(servers[via].url, student.id);
    const received: LiveEvent[] = [];
    const errors: unknown[] = [];
    const subscription = client.live.onTextEvent.subscribe(
      { textId: text.id, lastEventId },
      { onData: ({ data }) => received.push(data), onError: (error) => errors.push(error) },
    );
    const first = await as(classmate).annotation.create(annotationInput(text));
    await waitUntil(
      () => received.some((e) => e.annotationId === first.thread!.id),
      "a first event",
    );

    await as(instructor).member.remove({ courseId, userId: student.id });
    await waitUntil(() => types(received).includes("access.revoked"), "access.revoked");
    // The stream does not come back: its reconnect (if any) is refused, with a sentence.
    await waitUntil(() => errors.length > 0, "the stream to end");
    subscription.unsubscribe();
    const code = errors[0] instanceof TRPCClientError ? errors[0].data?.appCode : null;
    expect(["course.access_revoked", "not_found"]).toContain(code);
    // Nothing of the course reaches them after it.
    const later = await as(classmate).annotation.create(annotationInput(text));
    expect(received.some((e) => e.annotationId === later.thread!.id)).toBe(false);
    await waitUntil(() => hub.stats().subscribers === 0, "the server-side streams to end");
  });
});
