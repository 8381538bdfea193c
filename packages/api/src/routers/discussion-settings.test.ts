// The course settings that shape what students see — "reveal after posting" and "names hidden
// from classmates" — in every read path: the thread list, the passages, search and writes'
// answers. Real database; the settings are set as the course settings procedure stores them.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  annotationInput,
  bodyOf,
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase("api_discussion_settings");
});
afterAll(() => testDb.drop());

/** A course with the given settings, a public text, an instructor and three students. */
async function classroom(settings: { revealAfterPosts?: number; namesHidden?: boolean }) {
  const { db } = testDb;
  const course = await buildCourse(db);
  await db.course.update({ where: { id: course.id }, data: settings });
  const text = await buildText(db, course.id, { isPublic: true });
  const people: Record<"teacher" | "amal" | "badr" | "salma", SessionUser> = {} as never;
  for (const [key, role, name] of [
    ["teacher", "instructor", "الأستاذة هدى"],
    ["amal", "student", "أمل"],
    ["badr", "student", "بدر"],
    ["salma", "student", "سلمى"],
  ] as const) {
    const user = await buildUser(db, { name });
    await buildMembership(db, course.id, user.id, role);
    people[key] = sessionOf(user);
  }
  const as = (user: SessionUser | null) => callerFor(db, user);
  const post = async (user: SessionUser, words: string) =>
    (await as(user).annotation.create(annotationInput(text, { body: bodyOf(words) }))).thread!;
  const listed = async (user: SessionUser | null) =>
    (await as(user).annotation.list({ textId: text.id })).threads;
  return { course, text, people, as, post, listed };
}

describe("reveal after posting", () => {
  it("a student sees classmates' threads only after posting enough of their own; staff always", async () => {
    const { people, as, post, listed, text } = await classroom({ revealAfterPosts: 2 });
    const prompt = await post(people.teacher, "سؤال الأستاذة");
    const badrs = await post(people.badr, "رأي بدر الخاص");
    const { threads, reveal } = await as(people.amal).annotation.list({ textId: text.id });
    expect(threads.map((t) => t.id)).toEqual([prompt.id]);
    expect(reveal).toEqual({ required: 2, posted: 0 });
    expect((await as(people.amal).moderation.viewerStatus({ textId: text.id })).reveal).toEqual({
      required: 2,
      posted: 0,
    });
    // Nor do their passages or search give classmates' work away.
    const anchors = await as(people.amal).annotation.anchors({ textId: text.id });
    expect(anchors.anchors.map((a) => a.id)).toEqual([prompt.id]);
    const found = await as(people.amal).annotation.search({ textId: text.id, query: "بدر" });
    expect(found.threadIds).toEqual([]);
    // Public readers who cannot post are held back alike (signing out reveals nothing).
    expect((await listed(null)).map((t) => t.id)).toEqual([prompt.id]);
    // Replies by classmates in a thread the student sees are held back too.
    await as(people.badr).reply.create({ annotationId: prompt.id, body: bodyOf("رد بدر") });
    expect((await listed(people.amal))[0]?.replies).toEqual([]);

    // A private note does not count; a shared post does.
    await as(people.amal).annotation.create(annotationInput(text, { visibility: "private" }));
    const first = await post(people.amal, "أول مشاركة");
    expect((await as(people.amal).annotation.list({ textId: text.id })).reveal).toEqual({
      required: 2,
      posted: 1,
    });
    expect((await listed(people.amal)).map((t) => t.id)).not.toContain(badrs.id);
    await post(people.amal, "ثانية");
    const after = await as(people.amal).annotation.list({ textId: text.id });
    expect(after.reveal).toBeNull();
    expect(after.threads.map((t) => t.id)).toContain(badrs.id);
    expect(after.threads.find((t) => t.id === prompt.id)?.replies).toHaveLength(1);
    expect(first.id).toBeTruthy();

    expect((await listed(people.teacher)).map((t) => t.id)).toContain(badrs.id);
    expect((await as(people.teacher).annotation.list({ textId: text.id })).reveal).toBeNull();
  });

  it("a site admin's post is the staff's, not a classmate's: shown before posting, under its name", async () => {
    const { people, as, post, listed } = await classroom({
      revealAfterPosts: 1,
      namesHidden: true,
    });
    // An admin who is not a member of the course.
    const admin = sessionOf(await buildUser(testDb.db, { name: "مديرة الموقع", isAdmin: true }));
    const note = await post(admin, "تنبيه من الإدارة");
    const badrs = await post(people.badr, "رأي");
    const seen = await listed(people.amal);
    expect(seen.map((t) => t.id)).toEqual([note.id]);
    expect(seen[0]?.author.name).toBe("مديرة الموقع");
    expect(seen[0]?.author.alias).toBeFalsy();
    expect(badrs.id).toBeTruthy();
  });

  it("posts held for approval do not count", async () => {
    const { people, as, post, listed, course, text } = await classroom({ revealAfterPosts: 1 });
    const badrs = await post(people.badr, "رأي");
    await testDb.db.course.update({ where: { id: course.id }, data: { preModeration: true } });
    const held = await post(people.amal, "ينتظر");
    expect(held.moderation?.state).toBe("pending");
    expect((await listed(people.amal)).map((t) => t.id)).not.toContain(badrs.id);
    await as(people.teacher).moderation.approve({ target: { type: "annotation", id: held.id } });
    expect((await listed(people.amal)).map((t) => t.id)).toContain(badrs.id);
    expect(text.id).toBeTruthy();
  });
});

describe("names hidden from classmates", () => {
  it("students see classmates as stable numbered aliases, never their id or name; staff see names", async () => {
    const { people, as, post, listed, text } = await classroom({ namesHidden: true });
    const badrs = await post(people.badr, "رأي");
    const salmas = await post(people.salma, "رأي آخر");
    await as(people.salma).reply.create({ annotationId: badrs.id, body: bodyOf("رد") });
    const amalSees = await listed(people.amal);
    const badrView = amalSees.find((t) => t.id === badrs.id)!;
    const salmaView = amalSees.find((t) => t.id === salmas.id)!;
    // Join order: Amal 1, Badr 2, Salma 3.
    expect(badrView.author).toMatchObject({
      name: "Classmate 2",
      alias: { kind: "classmate", number: 2 },
    });
    expect(salmaView.author.alias).toEqual({ kind: "classmate", number: 3 });
    expect(badrView.replies[0]?.author.id).toBe(salmaView.author.id);
    const json = JSON.stringify(amalSees);
    for (const secret of [people.badr.id, people.salma.id, "بدر", "سلمى"]) {
      expect(json).not.toContain(secret);
    }
    // The same for an anonymous reader of the public text, and in a write's answer.
    expect(JSON.stringify(await listed(null))).not.toContain(people.badr.id);
    const reacted = await as(people.amal).reaction.set({
      target: { type: "annotation", id: badrs.id },
      kind: "heart",
      on: true,
    });
    expect(JSON.stringify(reacted)).not.toContain(people.badr.id);
    expect(reacted.thread?.author.name).toBe("Classmate 2");

    // The presence bar shows the same aliases to everyone; the staff may put the names back.
    expect(await as(people.teacher).collab.presenceNames({ textId: text.id })).toEqual({
      "classmate-1": "أمل",
      "classmate-2": "بدر",
      "classmate-3": "سلمى",
    });
    const identity = await as(people.badr).collab.token({ textId: text.id });
    expect(identity.user.id).toBe("classmate-2");

    // Their own name and the staff's stay.
    const own = await post(people.amal, "رأيي");
    expect(own.author.name).toBe("أمل");
    const prompt = await post(people.teacher, "سؤال");
    expect((await listed(people.amal)).find((t) => t.id === prompt.id)?.author.name).toBe(
      "الأستاذة هدى",
    );
    // On the text's presence too: the collab identity is the same alias, with no trace of them.
    const presence = await as(people.badr).collab.token({ textId: text.id });
    expect(presence.user).toMatchObject({ id: badrView.author.id, name: "Classmate 2" });
    expect((await as(people.teacher).collab.token({ textId: text.id })).user.id).toBe(
      people.teacher.id,
    );
    expect((await as(people.badr).collab.token()).user.id).toBe(people.badr.id);
    // Staff see everyone by name.
    const teacherSees = await listed(people.teacher);
    expect(teacherSees.find((t) => t.id === badrs.id)?.author).toMatchObject({
      id: people.badr.id,
      name: "بدر",
    });
    expect(text.id).toBeTruthy();
  });
});
