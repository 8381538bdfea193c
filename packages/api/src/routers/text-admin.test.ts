// text.create and text.update: adding a course's texts and editing their details.
import { readFileSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  buildCourse,
  buildMembership,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import type { SessionUser } from "../trpc";

// The demo essay, as an instructor would upload it.
const essay = readFileSync(
  new URL("../../../../prisma/seed/demo-text.ar.txt", import.meta.url),
  "utf8",
);

let testDb: TestDatabase;
let courseId: string;
let instructor: SessionUser;
let student: SessionUser;

beforeAll(async () => {
  testDb = await createTestDatabase("api_text_admin");
  courseId = (await buildCourse(testDb.db)).id;
  instructor = sessionOf(await buildUser(testDb.db));
  student = sessionOf(await buildUser(testDb.db));
  await buildMembership(testDb.db, courseId, instructor.id, "instructor");
  await buildMembership(testDb.db, courseId, student.id, "student");
});
afterAll(() => testDb.drop());

const as = (user: SessionUser | null) => callerFor(testDb.db, user);
const base = () => ({ courseId, title: "تروتسكي ولينين", format: "plain" as const });

describe("text.create", () => {
  it("imports a pasted Arabic text: one paragraph per line, right to left, detected", async () => {
    const created = await as(instructor).text.create({ ...base(), source: essay });
    expect(created).toMatchObject({
      language: "ar",
      direction: "rtl",
      isPublic: false,
      dueAt: null,
    });
    const text = await as(student).text.byId({ textId: created.id });
    expect(text.blocks).toHaveLength(9);
    expect(text.blocks.at(-1)?.text).toBe("يتبع");
  });

  it("imports Markdown, detects English, keeps the due date and instructions", async () => {
    const dueAt = new Date("2026-05-01T21:00:00Z");
    const created = await as(instructor).text.create({
      ...base(),
      title: "On reading",
      format: "markdown",
      source: "# On reading\n\nRead **slowly**, and *together*.\n\n- first\n- second\n",
      dueAt,
      instructions: "Mark the passage you disagree with.\r\nThen reply to one classmate.",
    });
    expect(created).toMatchObject({ language: "en", direction: "ltr", dueAt });
    expect(created.instructions).toBe(
      "Mark the passage you disagree with.\nThen reply to one classmate.",
    );
    const text = await as(student).text.byId({ textId: created.id });
    expect(text.blocks.map((block) => block.text)).toEqual([
      "On reading",
      "Read slowly, and together.",
      "first",
      "second",
    ]);
    expect(text).toMatchObject({ dueAt, instructions: created.instructions });
  });

  it("takes the language the instructor chose over the detected one", async () => {
    const created = await as(instructor).text.create({
      ...base(),
      source: "A quoted English line in an Arabic course",
      language: "ar",
    });
    expect(created).toMatchObject({ language: "ar", direction: "rtl" });
  });

  it.each([
    ["an empty text", { source: " \n\u200f\n" }, "text.empty"],
    ["a file with NUL bytes", { source: "abc\u0000def" }, "text.binary"],
    ["a text over 2 MB", { source: "ا".repeat(1_100_000) }, "text.too_large"],
    [
      "a string over the input limit",
      { source: "a".repeat(2 * 1024 * 1024 + 1) },
      "text.too_large",
    ],
    ["an empty title", { title: "  ", source: "x" }, "text.title_invalid"],
    [
      "overlong instructions",
      { source: "x", instructions: "ا".repeat(4001) },
      "text.instructions_too_long",
    ],
    [
      "instructions with a bidi override",
      { source: "x", instructions: "a\u202Eb" },
      "comment.forbidden_character",
    ],
    ["an unknown format", { source: "x", format: "docx" }, "invalid_input"],
    ["an unknown language", { source: "x", language: "fr" }, "invalid_input"],
  ])("refuses %s", async (_, override, code) => {
    const input = { ...base(), ...override } as never;
    expect(await rejectionOf(as(instructor).text.create(input))).toBe(code);
  });

  it("is the instructors' alone, and refused in an archived course", async () => {
    expect(await rejectionOf(as(student).text.create({ ...base(), source: "x" }))).toBe(
      "course.instructors_only",
    );
    const archived = await buildCourse(testDb.db);
    await buildMembership(testDb.db, archived.id, instructor.id, "instructor");
    await testDb.db.course.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect(
      await rejectionOf(
        as(instructor).text.create({ ...base(), courseId: archived.id, source: "x" }),
      ),
    ).toBe("course.archived");
  });
});

describe("text.update", () => {
  it("changes title, due date, instructions, language and public flag; the body stays", async () => {
    const created = await as(instructor).text.create({ ...base(), source: essay });
    const updated = await as(instructor).text.update({
      textId: created.id,
      title: "Trotsky and Lenin",
      dueAt: new Date("2026-06-01T09:00:00Z"),
      instructions: "اقرأ قبل المحاضرة",
      isPublic: true,
    });
    expect(updated).toMatchObject({
      title: "Trotsky and Lenin",
      instructions: "اقرأ قبل المحاضرة",
      isPublic: true,
      language: "ar",
    });
    const cleared = await as(instructor).text.update({
      textId: created.id,
      dueAt: null,
      language: "en",
    });
    expect(cleared).toMatchObject({ dueAt: null, language: "en", direction: "ltr" });
    // Unchanged fields stay as they were.
    expect(cleared.title).toBe("Trotsky and Lenin");
    const stored = await testDb.db.text.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.body.split("\n")).toHaveLength(9);
  });

  it("is refused to students, and to outsiders as not found", async () => {
    const created = await as(instructor).text.create({ ...base(), source: essay });
    expect(await rejectionOf(as(student).text.update({ textId: created.id, title: "x" }))).toBe(
      "course.instructors_only",
    );
    const outsider = sessionOf(await buildUser(testDb.db));
    expect(await rejectionOf(as(outsider).text.update({ textId: created.id, title: "x" }))).toBe(
      "not_found",
    );
    expect(await rejectionOf(as(instructor).text.update({ textId: "nope", title: "x" }))).toBe(
      "not_found",
    );
  });
});
