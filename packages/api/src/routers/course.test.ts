import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
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
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let instructor: SessionUser;
let student: SessionUser;

beforeAll(async () => {
  testDb = await createTestDatabase("api_course");
  instructor = sessionOf(await buildUser(testDb.db, { name: "د. ليلى" }));
  student = sessionOf(await buildUser(testDb.db));
});
afterAll(() => testDb.drop());

const as = (user: SessionUser | null) => callerFor(testDb.db, user);

/** A course the instructor teaches and the student attends, with one text. */
async function courseWithText() {
  const course = await buildCourse(testDb.db);
  await buildMembership(testDb.db, course.id, instructor.id, "instructor");
  await buildMembership(testDb.db, course.id, student.id, "student");
  const text = await buildText(testDb.db, course.id);
  return { course, text };
}

describe("course.create", () => {
  it("starts a course whose creator is its instructor", async () => {
    const user = sessionOf(await buildUser(testDb.db));
    const course = await as(user).course.create({ title: "  قراءات في   الفكر السياسي " });
    expect(course.title).toBe("قراءات في الفكر السياسي");
    const membership = await testDb.db.membership.findUniqueOrThrow({
      where: { courseId_userId: { courseId: course.id, userId: user.id } },
    });
    expect(membership.role).toBe("instructor");
    const mine = await as(user).course.mine();
    expect(mine).toEqual([expect.objectContaining({ id: course.id, role: "instructor" })]);
  });

  it("needs a signed-in user", async () => {
    expect(await rejectionOf(as(null).course.create({ title: "x" }))).toBe("auth.sign_in_required");
  });

  it.each([
    ["empty", "   "],
    ["too long", "ن".repeat(121)],
    ["with a bidi override", "abc\u202Edef"],
    ["with a control character", "abc\u0007"],
  ])("refuses a title that is %s", async (_, title) => {
    expect(await rejectionOf(as(instructor).course.create({ title }))).toBe("course.title_invalid");
  });
});

describe("course.rename", () => {
  it("renames, for the instructor", async () => {
    const { course } = await courseWithText();
    await as(instructor).course.rename({ courseId: course.id, title: "Reading Ibn Khaldun" });
    const stored = await testDb.db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(stored.title).toBe("Reading Ibn Khaldun");
  });

  it("is refused to a student with a sentence, and to outsiders as not found", async () => {
    const { course } = await courseWithText();
    const outsider = sessionOf(await buildUser(testDb.db));
    expect(await rejectionOf(as(student).course.rename({ courseId: course.id, title: "x" }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(outsider).course.rename({ courseId: course.id, title: "x" }))).toBe(
      "not_found",
    );
    expect(await rejectionOf(as(instructor).course.rename({ courseId: "nope", title: "x" }))).toBe(
      "not_found",
    );
  });
});

describe("course.archive and course.restore", () => {
  it("makes the course read-only for everyone until restored", async () => {
    const { course, text } = await courseWithText();
    const archived = await as(instructor).course.archive({ courseId: course.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);

    // Writes in the course are refused with a sentence, reads still work.
    expect(await rejectionOf(as(student).annotation.create(annotationInput(text)))).toBe(
      "course.archived",
    );
    expect(
      await rejectionOf(as(instructor).course.rename({ courseId: course.id, title: "x" })),
    ).toBe("course.archived");
    expect(
      await rejectionOf(
        as(instructor).course.updateSettings({ courseId: course.id, namesHidden: true }),
      ),
    ).toBe("course.archived");
    expect((await as(student).text.byId({ textId: text.id })).course.archivedAt).toBeInstanceOf(
      Date,
    );
    expect((await as(student).course.byId({ courseId: course.id })).archivedAt).toBeInstanceOf(
      Date,
    );
    const mine = await as(student).course.mine();
    expect(mine.find((c) => c.id === course.id)?.archivedAt).toBeInstanceOf(Date);

    // Archiving twice changes nothing; restoring opens it again.
    const again = await as(instructor).course.archive({ courseId: course.id });
    expect(again.archivedAt).toEqual(archived.archivedAt);
    expect((await as(instructor).course.restore({ courseId: course.id })).archivedAt).toBeNull();
    const created = await as(student).annotation.create(annotationInput(text));
    expect(created.thread?.id).toBeTruthy();
  });

  it("edits and deletes of one's own threads are refused while archived", async () => {
    const { course, text } = await courseWithText();
    const { thread } = await as(student).annotation.create(annotationInput(text));
    const annotationId = thread?.id ?? "";
    await as(instructor).course.archive({ courseId: course.id });
    expect(await rejectionOf(as(student).annotation.delete({ annotationId }))).toBe(
      "course.archived",
    );
    expect(
      await rejectionOf(
        as(student).reply.create({ annotationId, body: annotationInput(text).body }),
      ),
    ).toBe("course.archived");
  });

  it("only instructors archive", async () => {
    const { course } = await courseWithText();
    expect(await rejectionOf(as(student).course.archive({ courseId: course.id }))).toBe(
      "course.instructors_only",
    );
  });
});

describe("course.copy", () => {
  it("copies texts and settings, no members but the copier, no student work", async () => {
    const { course, text } = await courseWithText();
    await testDb.db.course.update({
      where: { id: course.id },
      data: {
        preModeration: true,
        revealAfterPosts: 2,
        namesHidden: true,
        deletedAuthorPolicy: "remove",
      },
    });
    await testDb.db.text.update({
      where: { id: text.id },
      data: { instructions: "اقرأ الفقرة الأولى", dueAt: new Date("2026-03-01T10:00:00Z") },
    });
    const second = await buildText(testDb.db, course.id, { paragraphs: ["Second text"] });
    await as(student).annotation.create(annotationInput(text));
    await as(instructor).invite.create({ courseId: course.id });
    await as(instructor).course.archive({ courseId: course.id });

    const copy = await as(instructor).course.copy({ courseId: course.id, title: "الفصل الثاني" });
    const stored = await testDb.db.course.findUniqueOrThrow({
      where: { id: copy.id },
      include: {
        memberships: true,
        invites: true,
        texts: { orderBy: { createdAt: "asc" }, include: { annotations: true } },
      },
    });
    expect(stored).toMatchObject({
      title: "الفصل الثاني",
      copiedFromId: course.id,
      archivedAt: null,
      preModeration: true,
      revealAfterPosts: 2,
      namesHidden: true,
      deletedAuthorPolicy: "remove",
    });
    expect(stored.memberships).toEqual([
      expect.objectContaining({ userId: instructor.id, role: "instructor" }),
    ]);
    expect(stored.invites).toEqual([]);
    expect(stored.texts.map((t) => t.title)).toEqual([text.title, second.title]);
    expect(stored.texts[0]).toMatchObject({
      body: text.body,
      instructions: "اقرأ الفقرة الأولى",
      dueAt: null,
      annotations: [],
    });
    expect(stored.texts[0]?.id).not.toBe(text.id);
  });

  it("is refused to students and checks the new title", async () => {
    const { course } = await courseWithText();
    expect(await rejectionOf(as(student).course.copy({ courseId: course.id, title: "x" }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(instructor).course.copy({ courseId: course.id, title: "" }))).toBe(
      "course.title_invalid",
    );
  });
});

describe("course.updateSettings and course.manage", () => {
  it("stores the settings given and keeps the others", async () => {
    const { course } = await courseWithText();
    await as(instructor).course.updateSettings({ courseId: course.id, preModeration: true });
    await as(instructor).course.updateSettings({ courseId: course.id, revealAfterPosts: 3 });
    const settings = await as(instructor).course.manage({ courseId: course.id });
    expect(settings).toMatchObject({
      preModeration: true,
      revealAfterPosts: 3,
      namesHidden: false,
      deletedAuthorPolicy: "anonymise",
    });
    expect(settings.texts).toHaveLength(1);
  });

  it.each([
    { revealAfterPosts: -1 },
    { revealAfterPosts: 21 },
    { revealAfterPosts: 1.5 },
    { deletedAuthorPolicy: "keep" },
  ])("refuses %o as invalid input", async (bad) => {
    const { course } = await courseWithText();
    const input = { courseId: course.id, ...bad } as never;
    expect(await rejectionOf(as(instructor).course.updateSettings(input))).toBe("invalid_input");
  });

  it("settings are the instructors' alone", async () => {
    const { course } = await courseWithText();
    const moderator = sessionOf(await buildUser(testDb.db));
    await buildMembership(testDb.db, course.id, moderator.id, "moderator");
    expect(
      await rejectionOf(
        as(moderator).course.updateSettings({ courseId: course.id, namesHidden: true }),
      ),
    ).toBe("course.instructors_only");
    expect(await rejectionOf(as(moderator).course.manage({ courseId: course.id }))).toBe(
      "course.instructors_only",
    );
  });
});
