// text.deletionImpact and text.delete: what a deletion loses, and the deletion itself — the
// text with its discussion, events, notes and notifications, at once for its open readers.
import { describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  annotationInput,
  bodyOf,
  buildClassroom,
  buildText,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { collectLive, waitUntil } from "../testing/live";
import { useLiveHub, useTestDatabase } from "../testing/suite";
import type { SessionUser } from "../trpc";

const testDb = useTestDatabase("api_text_delete");
const hub = useLiveHub(testDb);

const as = (user: SessionUser | null) => callerFor(testDb.db, user);
const person = async (isAdmin = false) => sessionOf(await buildUser(testDb.db, { isAdmin }));

/** A text with a shared thread, a reply (which notifies its author) and a private note. */
async function discussedText() {
  const { courseId, text, instructor, student, classmate } = await buildClassroom(testDb.db, {
    instructor: "instructor",
    student: "student",
    classmate: "student",
  });
  const kept = await buildText(testDb.db, courseId);
  const { thread } = await as(student).annotation.create(annotationInput(text));
  await as(classmate).reply.create({ annotationId: thread!.id, body: bodyOf("رد") });
  await as(classmate).annotation.create(annotationInput(text, { visibility: "private" }));
  await as(student).annotation.create(annotationInput(kept));
  await testDb.db.collabUpdate.create({
    data: { documentName: `notes:${text.id}`, update: new Uint8Array([0, 0]) },
  });
  return { courseId, text, kept, instructor, student, classmate };
}

describe("text.deletionImpact", () => {
  it("counts the threads and replies the staff see (never private notes)", async () => {
    const { text, instructor } = await discussedText();
    expect(await as(instructor).text.deletionImpact({ textId: text.id })).toEqual({
      threads: 1,
      replies: 1,
    });
  });
});

describe("text.delete", () => {
  it("deletes the text with everything that hangs on it, and nothing else", async () => {
    const { courseId, text, kept, instructor, student } = await discussedText();
    const { db } = testDb;
    expect(await db.notification.count({ where: { textId: text.id } })).toBeGreaterThan(0);
    expect(await as(instructor).text.delete({ textId: text.id })).toEqual({
      id: text.id,
      courseId,
    });
    expect(await db.text.count({ where: { id: text.id } })).toBe(0);
    expect(await db.annotation.count({ where: { textId: text.id } })).toBe(0);
    expect(await db.reply.count({ where: { annotation: { textId: text.id } } })).toBe(0);
    expect(await db.textEvent.count({ where: { textId: text.id } })).toBe(0);
    expect(await db.notification.count({ where: { textId: text.id } })).toBe(0);
    expect(await db.collabUpdate.count({ where: { documentName: `notes:${text.id}` } })).toBe(0);
    // The course, its members and its other text are untouched.
    expect(await db.annotation.count({ where: { textId: kept.id } })).toBe(1);
    expect(await db.membership.count({ where: { courseId } })).toBe(3);
    expect(await rejectionOf(as(student).text.byId({ textId: text.id }))).toBe("not_found");
    expect(await rejectionOf(as(instructor).text.delete({ textId: text.id }))).toBe("not_found");
  });

  it("keeps the audit log readable: its entries stay, naming no item, not undoable", async () => {
    const { courseId, text, instructor } = await discussedText();
    const [thread] = (await as(instructor).annotation.list({ textId: text.id })).threads;
    const { actionId } = await as(instructor).moderation.hide({
      target: { type: "annotation", id: thread!.id },
      reason: "خارج الموضوع",
    });
    await as(instructor).text.delete({ textId: text.id });
    const { entries } = await as(instructor).moderation.audit({ courseId, limit: 10 });
    expect(entries.find((entry) => entry.id === actionId)).toMatchObject({
      item: null,
      undoable: false,
    });
    expect(await rejectionOf(as(instructor).moderation.undo({ actionId }))).toBe("not_found");
  });

  it("is an admin's too, and refused to students with a sentence", async () => {
    const { text, kept, student } = await discussedText();
    expect(await rejectionOf(as(student).text.delete({ textId: text.id }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(student).text.deletionImpact({ textId: text.id }))).toBe(
      "course.instructors_only",
    );
    expect(await testDb.db.annotation.count({ where: { textId: text.id } })).toBe(2);
    await as(await person(true)).text.delete({ textId: kept.id });
    expect(await testDb.db.text.count({ where: { id: kept.id } })).toBe(0);
  });

  it("is refused in an archived course", async () => {
    const { courseId, text, instructor } = await discussedText();
    await as(instructor).course.archive({ courseId });
    expect(await rejectionOf(as(instructor).text.delete({ textId: text.id }))).toBe(
      "course.archived",
    );
    expect(await testDb.db.text.count({ where: { id: text.id } })).toBe(1);
  });

  it("ends its readers' live streams at once with a sentence; other texts' stay", async () => {
    const { text, kept, instructor, student, classmate } = await discussedText();
    const reading = await collectLive(testDb.db, student, hub, { textId: text.id });
    const elsewhere = await collectLive(testDb.db, classmate, hub, { textId: kept.id });
    await as(instructor).text.delete({ textId: text.id });
    await waitUntil(() => reading.error !== undefined, "the stream to end");
    expect(reading.events.map((event) => event.type)).toEqual(["access.revoked"]);
    expect(await rejectionOf(Promise.reject(reading.error))).toBe("course.access_revoked");
    // The other text's reader is still served.
    const next = await as(student).annotation.create(annotationInput(kept));
    await elsewhere.waitForThread(next.thread!.id);
    expect(elsewhere.error).toBeUndefined();
    await elsewhere.stop();
  });
});
