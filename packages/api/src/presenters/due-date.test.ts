// Posts and edits after a text's due date are marked, from their timestamps and the due date.
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
import { afterDue } from "./due-date";

describe("afterDue", () => {
  const due = new Date("2026-03-01T12:00:00Z");
  it("is true only strictly after a due date", () => {
    expect(afterDue(new Date("2026-03-01T12:00:01Z"), due)).toBe(true);
    expect(afterDue(new Date("2026-03-01T12:00:00Z"), due)).toBe(false);
    expect(afterDue(new Date("2026-02-28T12:00:00Z"), due)).toBe(false);
  });
  it("is false without a due date or without the moment", () => {
    expect(afterDue(new Date(), null)).toBe(false);
    expect(afterDue(null, due)).toBe(false);
  });
});

let testDb: TestDatabase;
let student: SessionUser;
let classmate: SessionUser;
let courseId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_due_date");
  courseId = (await buildCourse(testDb.db)).id;
  student = sessionOf(await buildUser(testDb.db));
  classmate = sessionOf(await buildUser(testDb.db));
  await buildMembership(testDb.db, courseId, student.id, "student");
  await buildMembership(testDb.db, courseId, classmate.id, "student");
});
afterAll(() => testDb.drop());

async function textDue(dueAt: Date | null) {
  const text = await buildText(testDb.db, courseId);
  await testDb.db.text.update({ where: { id: text.id }, data: { dueAt } });
  return text;
}

const hourAgo = () => new Date(Date.now() - 3600_000);
const inAnHour = () => new Date(Date.now() + 3600_000);

describe("threads and replies after the due date", () => {
  it("are marked as posted after it, in the writer's answer and in everyone's list", async () => {
    const text = await textDue(hourAgo());
    const created = await callerFor(testDb.db, student).annotation.create(annotationInput(text));
    expect(created.thread).toMatchObject({ postedAfterDue: true, editedAfterDue: false });
    const replied = await callerFor(testDb.db, classmate).reply.create({
      annotationId: created.thread!.id,
      body: bodyOf("رد متأخر"),
    });
    expect(replied.thread?.replies[0]).toMatchObject({
      postedAfterDue: true,
      editedAfterDue: false,
    });
    const { threads } = await callerFor(testDb.db, classmate).annotation.list({ textId: text.id });
    expect(threads[0]).toMatchObject({ postedAfterDue: true });
    expect(threads[0]?.replies[0]).toMatchObject({ postedAfterDue: true });
  });

  it("are not marked before the due date, nor without one; an edit after it is", async () => {
    for (const dueAt of [inAnHour(), null]) {
      const text = await textDue(dueAt);
      const caller = callerFor(testDb.db, student);
      const { thread } = await caller.annotation.create(annotationInput(text));
      expect(thread).toMatchObject({ postedAfterDue: false, editedAfterDue: false });
    }
    // Posted in time; the due date passes; the edit comes after it.
    const text = await textDue(inAnHour());
    const caller = callerFor(testDb.db, student);
    const { thread } = await caller.annotation.create(annotationInput(text));
    await testDb.db.text.update({ where: { id: text.id }, data: { dueAt: hourAgo() } });
    await testDb.db.annotation.update({
      where: { id: thread!.id },
      data: { createdAt: new Date(Date.now() - 2 * 3600_000) },
    });
    const edited = await caller.annotation.edit({
      annotationId: thread!.id,
      body: bodyOf("تعديل بعد الموعد"),
    });
    expect(edited.thread).toMatchObject({ postedAfterDue: false, editedAfterDue: true });
  });

  it("follow the due date when it moves", async () => {
    const text = await textDue(hourAgo());
    const { thread } = await callerFor(testDb.db, student).annotation.create(annotationInput(text));
    expect(thread?.postedAfterDue).toBe(true);
    await testDb.db.text.update({ where: { id: text.id }, data: { dueAt: inAnHour() } });
    const { threads } = await callerFor(testDb.db, student).annotation.list({ textId: text.id });
    expect(threads[0]?.postedAfterDue).toBe(false);
  });
});
