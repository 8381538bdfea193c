import type { CommentBody } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  annotationInput,
  bodyOf,
  buildMembership,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_mentions");
  world = await buildCourseWorld(testDb.db);
});
afterAll(() => testDb.drop());

const user = (
  persona:
    | "student"
    | "moderator"
    | "instructor"
    | "admin"
    | "non-member"
    | "student of another course",
) => world.users.get(persona)!;
const as = (session: SessionUser) => callerFor(testDb.db, session);

/** A body saying "look, @label" with a mention of `id` (and more mentions if given). */
const mentioning = (...people: { id: string; label?: string }[]): CommentBody => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "انظر " },
        ...people.map((p) => ({
          type: "mention" as const,
          attrs: { id: p.id, label: p.label ?? "someone" },
        })),
      ],
    },
  ],
});

const notificationsOf = (userId: string) =>
  testDb.db.notification.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("mentions in comments", () => {
  it("notifies the mentioned instructor and stores their real name as the label", async () => {
    const instructor = user("instructor");
    const before = (await notificationsOf(instructor.id)).length;
    const { thread } = await as(user("student")).annotation.create(
      annotationInput(world.publicText, {
        body: mentioning({ id: instructor.id, label: "المدير" }),
      }),
    );
    expect(thread!.bodyText).toBe(`انظر @${instructor.name}`);
    const mine = (await notificationsOf(instructor.id)).slice(before);
    expect(mine).toMatchObject([
      {
        kind: "mention",
        courseId: world.courseId,
        textId: world.publicText.id,
        annotationId: thread!.id,
        replyId: null,
        actorId: user("student").id,
        payload: { snippet: `انظر @${instructor.name}` },
      },
    ]);
  });

  it("refuses mentions of people outside the course, and writes nothing", async () => {
    for (const outsider of [user("non-member"), user("student of another course"), user("admin")]) {
      const count = await testDb.db.annotation.count();
      const refused = await rejectionOf(
        as(user("student")).annotation.create(
          annotationInput(world.publicText, { body: mentioning({ id: outsider.id }) }),
        ),
      );
      expect(refused, outsider.id).toBe("mention.not_allowed");
      expect(await testDb.db.annotation.count()).toBe(count);
    }
    const unknown = await rejectionOf(
      as(user("student")).annotation.create(
        annotationInput(world.publicText, { body: mentioning({ id: "cm0nobody000000000000000" }) }),
      ),
    );
    expect(unknown).toBe("mention.not_allowed");
  });

  it("lets a private thread mention nobody and an instructors-only one only the staff", async () => {
    const student = as(user("student"));
    const privately = await rejectionOf(
      student.annotation.create(
        annotationInput(world.publicText, {
          visibility: "private",
          body: mentioning({ id: user("instructor").id }),
        }),
      ),
    );
    expect(privately).toBe("mention.not_allowed");
    const classmate = await rejectionOf(
      student.annotation.create(
        annotationInput(world.publicText, {
          visibility: "instructors",
          body: mentioning({ id: world.classmate.id }),
        }),
      ),
    );
    expect(classmate).toBe("mention.not_allowed");
    const staff = await student.annotation.create(
      annotationInput(world.publicText, {
        visibility: "instructors",
        body: mentioning({ id: user("moderator").id }, { id: user("instructor").id }),
      }),
    );
    expect(staff.thread!.visibility).toBe("instructors");
    // The staff may then mention the thread's author in a reply: she can see it.
    await as(user("moderator")).reply.create({
      annotationId: staff.thread!.id,
      body: mentioning({ id: user("student").id }),
    });
    const [last] = (await notificationsOf(user("student").id)).slice(-1);
    expect(last).toMatchObject({ kind: "mention", annotationId: staff.thread!.id });
  });

  it("in a course with hidden names, lets a student mention the staff but not a classmate", async () => {
    const course = await testDb.db.course.create({
      data: { title: "أسماء مخفية", namesHidden: true },
    });
    const text = await testDb.db.text.create({
      data: {
        courseId: course.id,
        title: "نص",
        language: "ar",
        direction: "rtl",
        body: "ان تروتسكي الذي بقي خارج كلا المعسكرين",
        blocks: [{ type: "paragraph", text: "ان تروتسكي الذي بقي خارج كلا المعسكرين" }],
      },
    });
    const [student, classmate, teacher] = await Promise.all([
      buildUser(testDb.db),
      buildUser(testDb.db),
      buildUser(testDb.db),
    ]);
    await buildMembership(testDb.db, course.id, student.id, "student");
    await buildMembership(testDb.db, course.id, classmate.id, "student");
    await buildMembership(testDb.db, course.id, teacher.id, "instructor");
    const refused = await rejectionOf(
      as(sessionOf(student)).annotation.create(
        annotationInput(text, { body: mentioning({ id: classmate.id }) }),
      ),
    );
    expect(refused).toBe("mention.not_allowed");
    await as(sessionOf(student)).annotation.create(
      annotationInput(text, { body: mentioning({ id: teacher.id }) }),
    );
    await as(sessionOf(teacher)).annotation.create(
      annotationInput(text, { body: mentioning({ id: classmate.id }) }),
    );
    expect(await notificationsOf(teacher.id)).toHaveLength(1);
    expect(await notificationsOf(classmate.id)).toHaveLength(1);
  });

  it("refuses more than 20 mentions in one comment", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: `cm0person${String(i).padStart(15, "0")}`,
    }));
    const refused = await rejectionOf(
      as(user("student")).annotation.create(
        annotationInput(world.publicText, { body: mentioning(...many) }),
      ),
    );
    expect(refused).toBe("mention.too_many");
  });
});

describe("replies and edits", () => {
  it("notifies the thread's author of a reply, once, and not when they reply themselves", async () => {
    const author = world.classmate;
    const { thread } = await as(author).annotation.create(annotationInput(world.publicText));
    const before = (await notificationsOf(author.id)).length;
    await as(user("student")).reply.create({ annotationId: thread!.id, body: bodyOf("أوافقك") });
    await as(author).reply.create({ annotationId: thread!.id, body: bodyOf("شكرًا") });
    // A reply that mentions the author brings one notification: the mention.
    await as(user("moderator")).reply.create({
      annotationId: thread!.id,
      body: mentioning({ id: author.id }),
    });
    const mine = (await notificationsOf(author.id)).slice(before);
    expect(mine.map((n) => [n.kind, n.actorId])).toEqual([
      ["reply", user("student").id],
      ["mention", user("moderator").id],
    ]);
    expect(mine[0]!.payload).toEqual({ snippet: "أوافقك" });
    expect(mine[0]!.replyId).not.toBeNull();
  });

  it("notifies only the people an edit adds", async () => {
    const writer = as(user("student"));
    const { thread } = await writer.annotation.create(
      annotationInput(world.publicText, { body: mentioning({ id: user("moderator").id }) }),
    );
    const moderatorBefore = (await notificationsOf(user("moderator").id)).length;
    const instructorBefore = (await notificationsOf(user("instructor").id)).length;
    await writer.annotation.edit({
      annotationId: thread!.id,
      body: mentioning({ id: user("moderator").id }, { id: user("instructor").id }),
    });
    expect(await notificationsOf(user("moderator").id)).toHaveLength(moderatorBefore);
    expect(await notificationsOf(user("instructor").id)).toHaveLength(instructorBefore + 1);

    const { thread: withReply } = await writer.reply.create({
      annotationId: thread!.id,
      body: bodyOf("أولًا"),
    });
    const reply = withReply!.replies.at(-1)!;
    await writer.reply.edit({ replyId: reply.id, body: mentioning({ id: user("instructor").id }) });
    await writer.reply.edit({
      replyId: reply.id,
      body: mentioning({ id: user("instructor").id, label: "x" }),
    });
    const added = (await notificationsOf(user("instructor").id)).slice(instructorBefore + 1);
    expect(added.map((n) => [n.kind, n.replyId])).toEqual([["mention", reply.id]]);
  });

  it("checks an edit's mentions against the visibility it sets", async () => {
    const writer = as(user("student"));
    const { thread } = await writer.annotation.create(annotationInput(world.publicText));
    const refused = await rejectionOf(
      writer.annotation.edit({
        annotationId: thread!.id,
        visibility: "private",
        body: mentioning({ id: user("instructor").id }),
      }),
    );
    expect(refused).toBe("mention.not_allowed");
  });
});

describe("mention.suggest", () => {
  it("suggests members Arabic-aware, never the caller", async () => {
    const named = await buildUser(testDb.db, { name: "أَحْمَد الطَّالِب" });
    await buildMembership(testDb.db, world.courseId, named.id, "student");
    const suggest = (query: string, extra: object = {}) =>
      as(user("student")).mention.suggest({ textId: world.publicText.id, query, ...extra });
    expect((await suggest("احمد")).map((p) => p.id)).toEqual([named.id]);
    expect((await suggest("الطالب")).map((p) => p.id)).toEqual([named.id]);
    const everyone = await suggest("");
    expect(everyone.map((p) => p.id)).not.toContain(user("student").id);
    expect(everyone.length).toBeGreaterThan(0);
    expect(await suggest("", { visibility: "private" })).toEqual([]);
    const staffOnly = await suggest("", { visibility: "instructors" });
    expect(new Set(staffOnly.map((p) => p.role))).toEqual(new Set(["instructor", "moderator"]));
  });

  it("answers only those who may write in the text", async () => {
    const input = { textId: world.privateText.id, query: "" };
    expect(await rejectionOf(as(user("non-member")).mention.suggest(input))).toBe("not_found");
    expect(await rejectionOf(callerFor(testDb.db, null).mention.suggest(input))).toBe(
      "auth.sign_in_required",
    );
    const publicInput = { textId: world.publicText.id, query: "" };
    expect(await rejectionOf(as(user("non-member")).mention.suggest(publicInput))).toBe(
      "course.members_only",
    );
    expect(
      await rejectionOf(
        as(user("student")).mention.suggest({ ...publicInput, query: "x".repeat(101) }),
      ),
    ).toBe("invalid_input");
  });
});
