// member.leave: a member leaves on their own, as a removal would take them out (at once on open
// live streams); an instructor only while another one remains; their annotations stay.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub } from "../live/hub";
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
import { collectLive } from "../testing/live";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let hub: LiveHub;
beforeAll(async () => {
  testDb = await createTestDatabase("api_member_leave");
  hub = createLiveHub(testDb.url);
  await hub.ready();
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

const as = (user: SessionUser | null) => callerFor(testDb.db, user);
const person = async (isAdmin = false) => sessionOf(await buildUser(testDb.db, { isAdmin }));

async function classroom() {
  const course = await buildCourse(testDb.db);
  const text = await buildText(testDb.db, course.id);
  const [instructor, moderator, student, classmate] = await Promise.all([
    person(),
    person(),
    person(),
    person(),
  ]);
  await buildMembership(testDb.db, course.id, instructor.id, "instructor");
  await buildMembership(testDb.db, course.id, moderator.id, "moderator");
  await buildMembership(testDb.db, course.id, student.id, "student");
  await buildMembership(testDb.db, course.id, classmate.id, "student");
  return { courseId: course.id, text, instructor, moderator, student, classmate };
}

const isMember = async (courseId: string, userId: string) =>
  (await testDb.db.membership.count({ where: { courseId, userId } })) === 1;

async function until(done: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("member.leave", () => {
  it("takes a student out; their thread stays, still readable by the class", async () => {
    const { courseId, text, student, classmate } = await classroom();
    const created = await as(student).annotation.create(annotationInput(text));
    expect(await as(student).member.leave({ courseId })).toEqual({ courseId });
    expect(await isMember(courseId, student.id)).toBe(false);
    const { threads } = await as(classmate).annotation.list({ textId: text.id });
    expect(threads.map((thread) => thread.id)).toContain(created.thread!.id);
    // Now an outsider: the course's texts are closed to them.
    expect(await rejectionOf(as(student).annotation.list({ textId: text.id }))).toBe("not_found");
  });

  it("lets a moderator leave", async () => {
    const { courseId, moderator } = await classroom();
    await as(moderator).member.leave({ courseId });
    expect(await isMember(courseId, moderator.id)).toBe(false);
  });

  it("lets an instructor leave only while another instructor remains", async () => {
    const { courseId, instructor, moderator } = await classroom();
    expect(await rejectionOf(as(instructor).member.leave({ courseId }))).toBe(
      "member.leave_last_instructor",
    );
    expect(await isMember(courseId, instructor.id)).toBe(true);
    await as(instructor).member.setRole({ courseId, userId: moderator.id, role: "instructor" });
    await as(instructor).member.leave({ courseId });
    expect(await isMember(courseId, instructor.id)).toBe(false);
    // The one who remains is now the last.
    expect(await rejectionOf(as(moderator).member.leave({ courseId }))).toBe(
      "member.leave_last_instructor",
    );
  });

  it("refuses a muted member until the mute ends (joining again would lift it)", async () => {
    const { courseId, student } = await classroom();
    await testDb.db.membership.update({
      where: { courseId_userId: { courseId, userId: student.id } },
      data: { mutedUntil: new Date(Date.now() + 3_600_000) },
    });
    expect(await rejectionOf(as(student).member.leave({ courseId }))).toBe(
      "member.leave_while_muted",
    );
    expect(await isMember(courseId, student.id)).toBe(true);
  });

  it("works in an archived course", async () => {
    const { courseId, instructor, student } = await classroom();
    await as(instructor).course.archive({ courseId });
    await as(student).member.leave({ courseId });
    expect(await isMember(courseId, student.id)).toBe(false);
  });

  it("tells outsiders nothing, an admin who is not a member why, and asks for sign-in", async () => {
    const { courseId } = await classroom();
    expect(await rejectionOf(as(await person()).member.leave({ courseId }))).toBe("not_found");
    expect(await rejectionOf(as(await person(true)).member.leave({ courseId }))).toBe(
      "member.not_member",
    );
    expect(await rejectionOf(as(null).member.leave({ courseId }))).toBe("auth.sign_in_required");
    expect(await rejectionOf(as(await person()).member.leave({ courseId: "" }))).toBe(
      "invalid_input",
    );
  });

  it("ends the leaver's open live stream at once with a sentence", async () => {
    const { courseId, text, student } = await classroom();
    const live = await collectLive(testDb.db, student, hub, { textId: text.id });
    await as(student).member.leave({ courseId });
    await until(() => live.error !== undefined, "the stream to end");
    expect(live.events.map((event) => event.type)).toEqual(["access.revoked"]);
    expect(await rejectionOf(Promise.reject(live.error))).toBe("course.access_revoked");
  });
});
