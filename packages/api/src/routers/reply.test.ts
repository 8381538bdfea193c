import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_reply");
  world = await buildCourseWorld(testDb.db);
});
afterAll(() => testDb.drop());

const as = (persona: "student" | "moderator" | "instructor" | "admin" | "non-member") =>
  callerFor(testDb.db, world.users.get(persona)!);
const classmate = () => callerFor(testDb.db, world.classmate);
const newThread = async (visibility: "course" | "private" | "instructors" = "course") =>
  (await classmate().annotation.create(annotationInput(world.publicText, { visibility }))).thread!;

describe("reply.create / edit / delete", () => {
  it("adds a reply, edits it (editedAt) and deletes it (it leaves the thread)", async () => {
    const thread = await newThread();
    const created = await as("student").reply.create({
      annotationId: thread.id,
      body: bodyOf("رد أول"),
    });
    const reply = created.thread!.replies[0]!;
    expect(reply).toMatchObject({
      annotationId: thread.id,
      bodyHtml: '<p dir="auto">رد أول</p>',
      deleted: false,
      editedAt: null,
      author: { id: world.users.get("student")!.id },
    });
    const edited = await as("student").reply.edit({ replyId: reply.id, body: bodyOf("رد معدَّل") });
    expect(edited.thread!.replies[0]).toMatchObject({
      id: reply.id,
      bodyHtml: '<p dir="auto">رد معدَّل</p>',
    });
    expect(edited.thread!.replies[0]!.editedAt).toBeInstanceOf(Date);
    const deleted = await as("student").reply.delete({ replyId: reply.id });
    expect(deleted.thread!.replies).toEqual([]);
    const stored = await testDb.db.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(stored).toMatchObject({ body: null, bodyText: "" });
    expect(
      await rejectionOf(as("student").reply.edit({ replyId: reply.id, body: bodyOf("x") })),
    ).toBe("not_found");
  });

  it("keeps replies in the order they were written", async () => {
    const thread = await newThread();
    for (const word of ["واحد", "اثنان", "ثلاثة"]) {
      await as("moderator").reply.create({ annotationId: thread.id, body: bodyOf(word) });
    }
    const { threads } = await as("student").annotation.list({ textId: world.publicText.id });
    const replies = threads.find((t) => t.id === thread.id)!.replies;
    expect(replies.map((r) => r.bodyHtml)).toEqual(
      ["واحد", "اثنان", "ثلاثة"].map((w) => `<p dir="auto">${w}</p>`),
    );
  });

  it("takes the last reply of a tombstone with it", async () => {
    const thread = await newThread();
    const { thread: withReply } = await as("student").reply.create({
      annotationId: thread.id,
      body: bodyOf("رد"),
    });
    await classmate().annotation.delete({ annotationId: thread.id });
    const { thread: after } = await as("student").reply.delete({
      replyId: withReply!.replies[0]!.id,
    });
    expect(after).toBeNull();
    const { threads } = await as("student").annotation.list({ textId: world.publicText.id });
    expect(threads.map((t) => t.id)).not.toContain(thread.id);
  });

  it("refuses empty and over-long replies, others' replies, and replies in threads one cannot see", async () => {
    const thread = await newThread();
    expect(
      await rejectionOf(as("student").reply.create({ annotationId: thread.id, body: bodyOf("") })),
    ).toBe("comment.empty");
    expect(
      await rejectionOf(
        as("student").reply.create({ annotationId: thread.id, body: bodyOf("ا".repeat(10_001)) }),
      ),
    ).toBe("comment.too_long");
    const { thread: withReply } = await as("student").reply.create({
      annotationId: thread.id,
      body: bodyOf("رد"),
    });
    const replyId = withReply!.replies[0]!.id;
    expect(await rejectionOf(as("instructor").reply.edit({ replyId, body: bodyOf("x") }))).toBe(
      "forbidden",
    );
    expect(await rejectionOf(as("admin").reply.delete({ replyId }))).toBe("forbidden");
    const secret = await newThread("private");
    expect(
      await rejectionOf(
        as("instructor").reply.create({ annotationId: secret.id, body: bodyOf("x") }),
      ),
    ).toBe("not_found");
    expect(
      await rejectionOf(
        as("non-member").reply.create({ annotationId: thread.id, body: bodyOf("x") }),
      ),
    ).toBe("course.members_only");
  });
});

describe("reaction.set", () => {
  it("toggles per user, target and kind, and counts with `mine`", async () => {
    const thread = await newThread();
    const target = { type: "annotation" as const, id: thread.id };
    await as("student").reaction.set({ target, kind: "upvote", on: true });
    const twice = await as("student").reaction.set({ target, kind: "upvote", on: true });
    expect(twice.eventId).toBe("");
    await as("moderator").reaction.set({ target, kind: "upvote", on: true });
    const { thread: seen } = await as("moderator").reaction.set({
      target,
      kind: "confused",
      on: true,
    });
    expect(seen!.reactions).toEqual([
      { kind: "upvote", count: 2, mine: true },
      { kind: "confused", count: 1, mine: true },
    ]);
    const { thread: off } = await as("student").reaction.set({ target, kind: "upvote", on: false });
    expect(off!.reactions).toEqual([
      { kind: "upvote", count: 1, mine: false },
      { kind: "confused", count: 1, mine: false },
    ]);
  });

  it("reacts to a reply", async () => {
    const thread = await newThread();
    const { thread: withReply } = await as("student").reply.create({
      annotationId: thread.id,
      body: bodyOf("رد"),
    });
    const replyId = withReply!.replies[0]!.id;
    const { thread: after, eventId } = await classmate().reaction.set({
      target: { type: "reply", id: replyId },
      kind: "thanks",
      on: true,
    });
    expect(after!.replies[0]!.reactions).toEqual([{ kind: "thanks", count: 1, mine: true }]);
    const event = await testDb.db.textEvent.findFirstOrThrow({ where: { id: BigInt(eventId) } });
    expect(event).toMatchObject({ type: "reactions.changed", replyId, annotationId: thread.id });
  });

  it("refuses non-members, unknown kinds and invisible threads", async () => {
    const thread = await newThread();
    const target = { type: "annotation" as const, id: thread.id };
    expect(
      await rejectionOf(as("non-member").reaction.set({ target, kind: "heart", on: true })),
    ).toBe("course.members_only");
    // @ts-expect-error: the input type already refuses it; the server must too.
    expect(await rejectionOf(as("student").reaction.set({ target, kind: "angry", on: true }))).toBe(
      "invalid_input",
    );
    const secret = await newThread("instructors");
    const hidden = { type: "annotation" as const, id: secret.id };
    expect(
      await rejectionOf(as("student").reaction.set({ target: hidden, kind: "heart", on: true })),
    ).toBe("not_found");
    expect(
      await rejectionOf(as("moderator").reaction.set({ target: hidden, kind: "heart", on: true })),
    ).toBe("resolved");
  });
});
