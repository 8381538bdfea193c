// member.leave: a member leaves on their own, as a removal would take them out (at once on open
// live streams); an instructor only while another one remains; their annotations stay.
import { describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  annotationInput,
  buildClassroom,
  buildUser,
  callerFor,
  sessionOf,
} from "../testing/factories";
import { collectLive, waitUntil } from "../testing/live";
import { useLiveHub, useTestDatabase } from "../testing/suite";
import type { SessionUser } from "../trpc";

const testDb = useTestDatabase("api_member_leave");
const hub = useLiveHub(testDb);

const as = (user: SessionUser | null) => callerFor(testDb.db, user);
const person = async (isAdmin = false) => sessionOf(await buildUser(testDb.db, { isAdmin }));

const classroom = () =>
  buildClassroom(testDb.db, {
    instructor: "instructor",
    moderator: "moderator",
    student: "student",
    classmate: "student",
  });

const isMember = async (courseId: string, userId: string) =>
  (await testDb.db.membership.count({ where: { courseId, userId } })) === 1;

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
    await waitUntil(() => hub.stats().subscribers > 0, "the stream to open");
    await as(student).member.leave({ courseId });
    await waitUntil(() => live.error !== undefined, "the stream to end");
    expect(live.events.map((event) => event.type)).toEqual(["access.revoked"]);
    expect(await rejectionOf(Promise.reject(live.error))).toBe("course.access_revoked");
  });
});
