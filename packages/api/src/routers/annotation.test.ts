import { COMMENT_MAX_CHARS } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, buildText, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_annotation");
  world = await buildCourseWorld(testDb.db);
});
afterAll(() => testDb.drop());

const as = (persona: "student" | "moderator" | "instructor" | "admin" | "non-member") =>
  callerFor(testDb.db, world.users.get(persona)!);
const classmate = () => callerFor(testDb.db, world.classmate);

describe("annotation.create", () => {
  it("builds the selectors and quote on the server", async () => {
    const text = world.privateText;
    const { thread, eventId } = await as("student").annotation.create(
      annotationInput(text, {
        start: 3,
        end: 10,
        tags: [" Trotsky ", "تاريخ", "trotsky"],
        isQuestion: true,
      }),
    );
    expect(thread).toMatchObject({
      quote: "تروتسكي",
      start: 3,
      end: 10,
      anchorState: "anchored",
      anchorScore: null,
      isQuestion: true,
      visibility: "course",
      tags: ["trotsky", "تاريخ"],
      deleted: false,
      editedAt: null,
      replies: [],
      reactions: [],
      bodyText: "تعليق على هذه العبارة",
    });
    expect(thread!.bodyHtml).toBe('<p dir="auto">تعليق على هذه العبارة</p>');
    expect(thread!.author).toMatchObject({
      id: world.users.get("student")!.id,
      colour: expect.any(String),
    });
    expect(eventId).toMatch(/^\d+$/);
    const stored = await testDb.db.annotation.findUniqueOrThrow({ where: { id: thread!.id } });
    expect(stored.selectors).toEqual([
      {
        type: "TextQuoteSelector",
        exact: "تروتسكي",
        prefix: "ان ",
        suffix: " الذي بقي خارج كلا المعسكرين\nيتب",
      },
      { type: "TextPositionSelector", start: 3, end: 10 },
    ]);
    const event = await testDb.db.textEvent.findFirstOrThrow({
      where: { annotationId: thread!.id },
    });
    expect(event).toMatchObject({
      type: "thread.created",
      textId: text.id,
      actorId: world.users.get("student")!.id,
      visibility: "course",
      threadAuthorId: world.users.get("student")!.id,
    });
  });

  it("answers the new thread exactly as a later read of it shows it (times, tags' order)", async () => {
    const text = world.privateText;
    const student = as("student");
    const { thread } = await student.annotation.create(
      annotationInput(text, { start: 11, end: 16, tags: ["ياء", "Beta", "alif", "ألف"] }),
    );
    const { threads } = await student.annotation.list({ textId: text.id });
    expect(threads.find((listed) => listed.id === thread!.id)).toEqual(thread);
    const stored = await testDb.db.annotation.findUniqueOrThrow({ where: { id: thread!.id } });
    expect(thread!.createdAt).toEqual(stored.createdAt);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("widens a range that cuts a letter from its tashkeel to whole letters", async () => {
    // ك َ ت َ ب َ: code points 0..6; 0..3 would leave the second fatha behind.
    const text = await buildText(testDb.db, world.courseId, { paragraphs: ["كَتَبَ الدَّرسَ"] });
    const { thread } = await as("student").annotation.create(
      annotationInput(text, { start: 0, end: 3 }),
    );
    expect(thread).toMatchObject({ start: 0, end: 4, quote: "كَتَ" });
  });

  it("escapes what the body holds and renders the HTML itself", async () => {
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "<img src=x onerror=alert(1)>" }] },
      ],
    };
    const { thread } = await as("student").annotation.create(
      annotationInput(world.privateText, { body }),
    );
    expect(thread!.bodyHtml).toBe('<p dir="auto">&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it("refuses a stale text version", async () => {
    const input = annotationInput(world.privateText, {
      textVersion: world.privateText.version + 1,
    });
    expect(await rejectionOf(as("student").annotation.create(input))).toBe("text.version_conflict");
  });

  it.each([
    ["an empty body", bodyOf("   "), "comment.empty"],
    ["an over-long body", bodyOf("ب".repeat(COMMENT_MAX_CHARS + 1)), "comment.too_long"],
  ])("refuses %s with its own sentence", async (_, body, appCode) => {
    const before = await testDb.db.annotation.count();
    expect(
      await rejectionOf(
        as("student").annotation.create(annotationInput(world.privateText, { body })),
      ),
    ).toBe(appCode);
    expect(await testDb.db.annotation.count()).toBe(before);
  });

  it("accepts a body of exactly the limit", async () => {
    const body = bodyOf("ب".repeat(COMMENT_MAX_CHARS));
    const { thread } = await as("student").annotation.create(
      annotationInput(world.privateText, { body }),
    );
    expect(thread!.bodyText).toHaveLength(COMMENT_MAX_CHARS);
  });

  it.each([
    [{ start: 5, end: 5 }, "range.empty"],
    [{ start: 8, end: 4 }, "range.inverted"],
    [{ start: 0, end: 10_000 }, "annotation.invalid_range"],
  ])("refuses the range %o", async (range, appCode) => {
    const input = annotationInput(world.privateText, range);
    expect(await rejectionOf(as("student").annotation.create(input))).toBe(appCode);
  });

  it("refuses a non-member on a public text, and hides a course-only text from them", async () => {
    expect(
      await rejectionOf(as("non-member").annotation.create(annotationInput(world.publicText))),
    ).toBe("course.members_only");
    expect(
      await rejectionOf(as("non-member").annotation.create(annotationInput(world.privateText))),
    ).toBe("not_found");
    expect(
      await rejectionOf(
        callerFor(testDb.db, null).annotation.create(annotationInput(world.publicText)),
      ),
    ).toBe("auth.sign_in_required");
  });
});

describe("annotation.edit", () => {
  it("changes what is given, replaces the tag set and sets editedAt", async () => {
    const { thread } = await classmate().annotation.create(
      annotationInput(world.privateText, { tags: ["أ", "ب"] }),
    );
    const { thread: edited } = await classmate().annotation.edit({
      annotationId: thread!.id,
      body: bodyOf("نص جديد"),
      tags: ["ب", "ج"],
    });
    expect(edited).toMatchObject({
      bodyText: "نص جديد",
      tags: ["ب", "ج"],
      isQuestion: false,
      visibility: "course",
    });
    expect(edited!.editedAt).toBeInstanceOf(Date);
    const { thread: again } = await classmate().annotation.edit({
      annotationId: thread!.id,
      isQuestion: true,
    });
    expect(again).toMatchObject({ bodyText: "نص جديد", tags: ["ب", "ج"], isQuestion: true });
  });

  it("is for the author only, not even an admin or the instructor", async () => {
    const { thread } = await classmate().annotation.create(annotationInput(world.privateText));
    for (const persona of ["student", "instructor", "admin"] as const) {
      expect(
        await rejectionOf(
          as(persona).annotation.edit({ annotationId: thread!.id, body: bodyOf("x") }),
        ),
        persona,
      ).toBe("forbidden");
    }
  });

  it("refuses an empty body", async () => {
    const { thread } = await classmate().annotation.create(annotationInput(world.privateText));
    expect(
      await rejectionOf(
        classmate().annotation.edit({ annotationId: thread!.id, body: bodyOf("") }),
      ),
    ).toBe("comment.empty");
  });
});

describe("annotation.delete", () => {
  it("removes a thread without replies from every view", async () => {
    const { thread } = await classmate().annotation.create(
      annotationInput(world.privateText, { tags: ["وسم"] }),
    );
    const result = await classmate().annotation.delete({ annotationId: thread!.id });
    expect(result.thread).toBeNull();
    const { threads } = await as("instructor").annotation.list({ textId: world.privateText.id });
    expect(threads.map((t) => t.id)).not.toContain(thread!.id);
    const stored = await testDb.db.annotation.findUniqueOrThrow({ where: { id: thread!.id } });
    expect(stored).toMatchObject({ body: null, bodyText: "" });
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect(
      await classmate()
        .annotation.edit({ annotationId: thread!.id, isQuestion: true })
        .catch((e) => e.message),
    ).toMatch(/deleted/);
  });

  it("leaves a tombstone with the thread's shape where replies hang on it", async () => {
    const { thread } = await classmate().annotation.create(
      annotationInput(world.privateText, { tags: ["وسم"] }),
    );
    await as("student").reply.create({ annotationId: thread!.id, body: bodyOf("رد") });
    await as("student").reaction.set({
      target: { type: "annotation", id: thread!.id },
      kind: "upvote",
      on: true,
    });
    const { thread: tombstone } = await classmate().annotation.delete({ annotationId: thread!.id });
    expect(tombstone).toMatchObject({
      id: thread!.id,
      deleted: true,
      body: null,
      bodyHtml: null,
      bodyText: null,
      tags: [],
      reactions: [],
      quote: thread!.quote,
      start: thread!.start,
    });
    expect(tombstone!.replies.map((reply) => reply.bodyHtml)).toEqual(['<p dir="auto">رد</p>']);
    const { threads } = await as("student").annotation.list({ textId: world.privateText.id });
    expect(threads.find((t) => t.id === thread!.id)).toMatchObject({ deleted: true, body: null });
    expect(await rejectionOf(classmate().annotation.delete({ annotationId: thread!.id }))).toBe(
      "thread.deleted",
    );
    expect(
      await rejectionOf(
        as("student").reply.create({ annotationId: thread!.id, body: bodyOf("x") }),
      ),
    ).toBe("thread.deleted");
  });

  it("is for the author only", async () => {
    const { thread } = await classmate().annotation.create(annotationInput(world.privateText));
    expect(await rejectionOf(as("moderator").annotation.delete({ annotationId: thread!.id }))).toBe(
      "forbidden",
    );
  });
});

describe("annotation.list", () => {
  it("gives a reader of a public text only its course-visible threads, in reading order", async () => {
    const text = world.publicText;
    const author = classmate();
    const late = (await author.annotation.create(annotationInput(text, { start: 20, end: 24 })))
      .thread!;
    const early = (await author.annotation.create(annotationInput(text, { start: 0, end: 2 })))
      .thread!;
    const hidden = (
      await author.annotation.create(annotationInput(text, { visibility: "instructors" }))
    ).thread!;
    const mine = (await author.annotation.create(annotationInput(text, { visibility: "private" })))
      .thread!;
    const ids = async (caller: ReturnType<typeof callerFor>) =>
      (await caller.annotation.list({ textId: text.id })).threads.map((t) => t.id);
    expect(await ids(callerFor(testDb.db, null))).toEqual([early.id, late.id]);
    expect(await ids(as("non-member"))).toEqual([early.id, late.id]);
    expect(await ids(as("student"))).toEqual([early.id, late.id]);
    expect(await ids(as("instructor"))).toEqual([early.id, hidden.id, late.id]);
    expect(await ids(author)).toEqual([early.id, hidden.id, mine.id, late.id]);
  });

  it("answers the log position its threads reflect", async () => {
    const text = world.privateText;
    const { lastEventId: before } = await as("student").annotation.list({ textId: text.id });
    const { eventId } = await as("student").annotation.create(annotationInput(text));
    const { lastEventId: after } = await as("student").annotation.list({ textId: text.id });
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
    expect(after).toBe(eventId);
  });
});

describe("annotation.anchors", () => {
  it("gives each viewer the passages of exactly the listed threads that are anchored", async () => {
    const text = world.publicText;
    const author = classmate();
    await author.annotation.create(annotationInput(text, { start: 20, end: 24 }));
    await author.annotation.create(annotationInput(text, { visibility: "instructors" }));
    await author.annotation.create(annotationInput(text, { visibility: "private" }));
    const lost = (await author.annotation.create(annotationInput(text, { start: 5, end: 9 })))
      .thread!;
    await testDb.db.annotation.update({
      where: { id: lost.id },
      data: { anchorState: "orphaned" },
    });
    const gone = (await author.annotation.create(annotationInput(text))).thread!;
    await author.annotation.delete({ annotationId: gone.id });

    for (const caller of [callerFor(testDb.db, null), as("student"), as("instructor"), author]) {
      const { threads } = await caller.annotation.list({ textId: text.id });
      const { anchors } = await caller.annotation.anchors({ textId: text.id });
      expect(anchors).toEqual(
        threads
          .filter((thread) => thread.anchorState !== "orphaned")
          .map(({ id, start, end }) => ({ id, start, end })),
      );
      expect(anchors.map((anchor) => anchor.id)).not.toContain(lost.id);
    }
    const { anchors: forAuthor } = await author.annotation.anchors({ textId: text.id });
    expect(forAuthor.length).toBeGreaterThan(
      (await as("student").annotation.anchors({ textId: text.id })).anchors.length,
    );
  });

  it("answers not found for a text the caller may not read", async () => {
    expect(
      await rejectionOf(
        as("non-member").annotation.anchors({ textId: world.privateText.id }),
      ),
    ).toBe("not_found");
  });
});

describe("annotation.search", () => {
  it("finds Arabic without tashkeel or hamza in the text and in threads the viewer may see", async () => {
    const text = world.publicText;
    const author = classmate();
    const byBody = (
      await author.annotation.create(annotationInput(text, { body: bodyOf("المُعسكَرين هنا") }))
    ).thread!;
    const byTag = (
      await author.annotation.create(annotationInput(text, { tags: ["في المعسكرين"] }))
    ).thread!;
    const byReply = (await author.annotation.create(annotationInput(text))).thread!;
    await as("student").reply.create({ annotationId: byReply.id, body: bodyOf("عن المعسكرين") });
    const byQuote = (await author.annotation.create(annotationInput(text, { start: 29, end: 38 })))
      .thread!;
    const secret = (
      await author.annotation.create(
        annotationInput(text, { visibility: "private", body: bodyOf("المعسكرين") }),
      )
    ).thread!;
    await author.annotation.create(annotationInput(text, { body: bodyOf("لا شيء") }));

    const result = await as("student").annotation.search({ textId: text.id, query: "المعسكرين" });
    expect(result.textHits).toEqual([{ start: 29, end: 38 }]);
    expect(result.threadIds.sort()).toEqual([byBody.id, byTag.id, byReply.id, byQuote.id].sort());
    expect(result.threadIds).not.toContain(secret.id);
    const own = await author.annotation.search({ textId: text.id, query: "المُعَسْكَرين" });
    expect(own.threadIds).toContain(secret.id);
    expect(own.textHits).toEqual([{ start: 29, end: 38 }]);
    // "ان" in the text is found by "إن" (hamza forms of alef are one letter to search).
    const hamza = await as("student").annotation.search({ textId: text.id, query: "إن" });
    expect(hamza.textHits).toEqual([{ start: 0, end: 2 }]);
  });

  it("refuses an empty query", async () => {
    expect(
      await rejectionOf(
        as("student").annotation.search({ textId: world.publicText.id, query: "  " }),
      ),
    ).toBe("search.query_length");
  });
});
