// Every role × every annotation, reply, reaction and live procedure, against DESIGN.md's
// "Who may do what" (the same personas as access-matrix.test.ts).
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub } from "../live/hub";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import {
  allPersonas,
  buildCourseWorld,
  type CourseWorld,
  memberPersonas,
  type Persona,
  staffPersonas,
  writerPersonas,
} from "../testing/personas";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;
/** Threads by the classmate: course-visible in the public and the course-only text, and instructors-only. */
let publicThread: string;
let courseThread: string;
let staffThread: string;
let classmateReply: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_annotation_access");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  const classmate = callerFor(testDb.db, world.classmate);
  publicThread = (await classmate.annotation.create(annotationInput(world.publicText))).thread!.id;
  courseThread = (await classmate.annotation.create(annotationInput(world.privateText))).thread!.id;
  staffThread = (
    await classmate.annotation.create(
      annotationInput(world.publicText, { visibility: "instructors" }),
    )
  ).thread!.id;
  const { thread } = await classmate.reply.create({
    annotationId: publicThread,
    body: bodyOf("رد"),
  });
  classmateReply = thread!.replies[0]!.id;
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

const caller = (persona: Persona) => callerFor(testDb.db, testDbUser(persona), { live: hub });
const testDbUser = (persona: Persona) => world.users.get(persona) ?? null;
const readersOfCourseText = [...memberPersonas, "admin"] as Persona[];

/** The expected outcome for a persona: "resolved" for those allowed, else the given refusal(s). */
function outcome(
  persona: Persona,
  allowed: Persona[],
  refusal: { anonymous?: string; outsiders?: string; members?: string },
): string {
  if (allowed.includes(persona)) return "resolved";
  if (persona === "anonymous" && refusal.anonymous) return refusal.anonymous;
  if (memberPersonas.includes(persona) || persona === "admin")
    return refusal.members ?? "forbidden";
  return refusal.outsiders ?? "not_found";
}

const signIn = "auth.sign_in_required";

describe("annotation.list and annotation.search", () => {
  it.each(allPersonas)("a public text, as %s", async (persona) => {
    const { threads } = await caller(persona).annotation.list({ textId: world.publicText.id });
    const ids = threads.map((thread) => thread.id);
    expect(ids).toContain(publicThread);
    expect(ids.includes(staffThread)).toBe(staffPersonas.includes(persona));
    const found = await caller(persona).annotation.search({
      textId: world.publicText.id,
      query: "تعليق",
    });
    expect(found.threadIds.includes(staffThread)).toBe(staffPersonas.includes(persona));
  });

  it.each(allPersonas)("a course-only text, as %s", async (persona) => {
    const expected = outcome(persona, readersOfCourseText, {});
    const textId = world.privateText.id;
    expect(await rejectionOf(caller(persona).annotation.list({ textId }))).toBe(expected);
    expect(await rejectionOf(caller(persona).annotation.search({ textId, query: "ان" }))).toBe(
      expected,
    );
  });
});

describe("annotation.create", () => {
  it.each(allPersonas)("on a public text, as %s", async (persona) => {
    expect(
      await rejectionOf(caller(persona).annotation.create(annotationInput(world.publicText))),
    ).toBe(
      outcome(persona, writerPersonas, { anonymous: signIn, outsiders: "course.members_only" }),
    );
  });

  it.each(allPersonas)("on a course-only text, as %s", async (persona) => {
    expect(
      await rejectionOf(caller(persona).annotation.create(annotationInput(world.privateText))),
    ).toBe(outcome(persona, writerPersonas, { anonymous: signIn }));
  });
});

describe("annotation.edit and annotation.delete", () => {
  it.each(writerPersonas)("%s edits and deletes their own thread", async (persona) => {
    const { thread } = await caller(persona).annotation.create(annotationInput(world.publicText));
    const annotationId = thread!.id;
    expect(
      await rejectionOf(caller(persona).annotation.edit({ annotationId, isQuestion: true })),
    ).toBe("resolved");
    expect(await rejectionOf(caller(persona).annotation.delete({ annotationId }))).toBe("resolved");
  });

  it.each(allPersonas)("another's course thread in a public text, as %s", async (persona) => {
    const expected = outcome(persona, [], { anonymous: signIn, outsiders: "forbidden" });
    const annotationId = publicThread;
    expect(
      await rejectionOf(caller(persona).annotation.edit({ annotationId, isQuestion: true })),
    ).toBe(expected);
    expect(await rejectionOf(caller(persona).annotation.delete({ annotationId }))).toBe(expected);
  });

  it.each(allPersonas)("another's thread in a course-only text, as %s", async (persona) => {
    const expected = outcome(persona, [], { anonymous: signIn });
    const annotationId = courseThread;
    expect(
      await rejectionOf(caller(persona).annotation.edit({ annotationId, isQuestion: true })),
    ).toBe(expected);
    expect(await rejectionOf(caller(persona).annotation.delete({ annotationId }))).toBe(expected);
  });
});

describe("reply.create and reaction.set", () => {
  it.each(allPersonas)("on a course thread of a public text, as %s", async (persona) => {
    const expected = outcome(persona, writerPersonas, {
      anonymous: signIn,
      outsiders: "course.members_only",
    });
    const target = { type: "annotation" as const, id: publicThread };
    expect(
      await rejectionOf(
        caller(persona).reply.create({ annotationId: publicThread, body: bodyOf("رد") }),
      ),
    ).toBe(expected);
    expect(
      await rejectionOf(caller(persona).reaction.set({ target, kind: "upvote", on: true })),
    ).toBe(expected);
    const onReply = { type: "reply" as const, id: classmateReply };
    expect(
      await rejectionOf(
        caller(persona).reaction.set({ target: onReply, kind: "thanks", on: true }),
      ),
    ).toBe(expected);
  });

  it.each(allPersonas)("on an instructors-only thread, as %s", async (persona) => {
    const expected = outcome(persona, staffPersonas, { anonymous: signIn, members: "not_found" });
    const target = { type: "annotation" as const, id: staffThread };
    expect(
      await rejectionOf(
        caller(persona).reply.create({ annotationId: staffThread, body: bodyOf("رد") }),
      ),
    ).toBe(expected);
    expect(
      await rejectionOf(caller(persona).reaction.set({ target, kind: "upvote", on: true })),
    ).toBe(expected);
  });
});

describe("reply.edit and reply.delete", () => {
  it.each(writerPersonas)("%s edits and deletes their own reply", async (persona) => {
    const { thread } = await caller(persona).reply.create({
      annotationId: publicThread,
      body: bodyOf("لي"),
    });
    const replyId = thread!.replies.at(-1)!.id;
    expect(await rejectionOf(caller(persona).reply.edit({ replyId, body: bodyOf("معدَّل") }))).toBe(
      "resolved",
    );
    expect(await rejectionOf(caller(persona).reply.delete({ replyId }))).toBe("resolved");
  });

  it.each(allPersonas)("another's reply, as %s", async (persona) => {
    const expected = outcome(persona, [], { anonymous: signIn, outsiders: "forbidden" });
    const replyId = classmateReply;
    expect(await rejectionOf(caller(persona).reply.edit({ replyId, body: bodyOf("x") }))).toBe(
      expected,
    );
    expect(await rejectionOf(caller(persona).reply.delete({ replyId }))).toBe(expected);
  });
});

describe("live.onTextEvent", () => {
  /** "resolved" when the stream opened and ran until cut, else the error it ended with. */
  async function subscribeOutcome(persona: Persona, textId: string): Promise<string> {
    const abort = new AbortController();
    const subscriber = callerFor(testDb.db, testDbUser(persona), {
      live: hub,
      signal: abort.signal,
    });
    const timer = setTimeout(() => abort.abort(), 300);
    try {
      return await rejectionOf(
        (async () => {
          for await (const _ of await subscriber.live.onTextEvent({ textId })) {
            // Nothing is written meanwhile; the stream only has to open.
          }
        })(),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  it.each(allPersonas)("a public text, as %s", async (persona) => {
    expect(await subscribeOutcome(persona, world.publicText.id)).toBe("resolved");
  });

  it.each(allPersonas)("a course-only text, as %s", async (persona) => {
    expect(await subscribeOutcome(persona, world.privateText.id)).toBe(
      outcome(persona, readersOfCourseText, {}),
    );
  });

  it("is refused without a live hub", async () => {
    const noHub = callerFor(testDb.db, world.users.get("student")!);
    const stream = await noHub.live.onTextEvent({ textId: world.publicText.id });
    expect(await rejectionOf(stream[Symbol.asyncIterator]().next())).toBe("live.unavailable");
  });
});
