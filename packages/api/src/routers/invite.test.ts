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

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase("api_invite");
});
afterAll(() => testDb.drop());

const as = (user: SessionUser | null) => callerFor(testDb.db, user);
const person = async () => sessionOf(await buildUser(testDb.db));

async function courseWithInstructor() {
  const course = await buildCourse(testDb.db, "قراءات · Readings");
  const instructor = await person();
  await buildMembership(testDb.db, course.id, instructor.id, "instructor");
  return { courseId: course.id, instructor };
}

const roleOf = async (courseId: string, userId: string) =>
  (await testDb.db.membership.findUnique({ where: { courseId_userId: { courseId, userId } } }))
    ?.role ?? null;

describe("invite.create and invite.list", () => {
  it("makes a link token and a readable join code, listed newest first", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const first = await as(instructor).invite.create({ courseId });
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000);
    const second = await as(instructor).invite.create({
      courseId,
      role: "moderator",
      expiresAt: inAWeek,
    });
    expect(first).toMatchObject({ role: "student", expiresAt: null, status: "active", uses: 0 });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(second).toMatchObject({ role: "moderator", expiresAt: inAWeek });
    const listed = await as(instructor).invite.list({ courseId });
    expect(listed.map((invite) => invite.id)).toEqual([second.id, first.id]);
  });

  it.each([
    ["in the past", -60_000],
    ["in less than a minute", 30_000],
    ["in more than a year", 400 * 24 * 3600_000],
  ])("refuses an expiry %s", async (_, offset) => {
    const { courseId, instructor } = await courseWithInstructor();
    const expiresAt = new Date(Date.now() + offset);
    expect(await rejectionOf(as(instructor).invite.create({ courseId, expiresAt }))).toBe(
      "invite.expiry_invalid",
    );
  });

  it("is the instructors' alone", async () => {
    const { courseId } = await courseWithInstructor();
    const student = await person();
    await buildMembership(testDb.db, courseId, student.id, "student");
    expect(await rejectionOf(as(student).invite.create({ courseId }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(student).invite.list({ courseId }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(await person()).invite.list({ courseId }))).toBe("not_found");
    expect(await rejectionOf(as(student).invite.create({ courseId, role: "admin" } as never))).toBe(
      "invalid_input",
    );
  });
});

describe("invite.preview", () => {
  it("shows the course and the role to anyone holding the link", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const { token } = await as(instructor).invite.create({ courseId });
    expect(await as(null).invite.preview({ token })).toEqual({
      course: { id: courseId, title: "قراءات · Readings" },
      role: "student",
      status: "active",
      memberRole: null,
    });
    expect((await as(instructor).invite.preview({ token })).memberRole).toBe("instructor");
  });

  it("answers invite.invalid for an unknown token or code", async () => {
    expect(await rejectionOf(as(null).invite.preview({ token: "x".repeat(32) }))).toBe(
      "invite.invalid",
    );
    expect(await rejectionOf(as(null).invite.preview({ token: "short" }))).toBe("invite.invalid");
    expect(await rejectionOf(as(null).invite.preview({ code: "ZZZZ-ZZZZ" }))).toBe(
      "invite.invalid",
    );
    expect(await rejectionOf(as(null).invite.preview({ code: "hello" }))).toBe(
      "invite.code_format",
    );
  });
});

describe("invite.join", () => {
  it("joins by link with the invite's role, once", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const { token, id } = await as(instructor).invite.create({ courseId, role: "moderator" });
    const student = await person();
    expect(await as(student).invite.join({ token })).toEqual({
      courseId,
      role: "moderator",
      joined: true,
    });
    expect(await roleOf(courseId, student.id)).toBe("moderator");
    // A second visit of the link changes nothing.
    expect(await as(student).invite.join({ token })).toMatchObject({ joined: false });
    const invite = await testDb.db.courseInvite.findUniqueOrThrow({ where: { id } });
    expect(invite.uses).toBe(1);
  });

  it("joins by code typed in any case, with or without its hyphen, in Arabic-Indic digits", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const { code } = await as(instructor).invite.create({ courseId });
    const eastern = code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    for (const typed of [code.toLowerCase(), code.replace("-", " "), eastern]) {
      const student = await person();
      expect(await as(student).invite.join({ code: typed })).toMatchObject({ joined: true });
      expect(await roleOf(courseId, student.id)).toBe("student");
    }
  });

  it("never changes the role of someone already in the course", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const { token } = await as(instructor).invite.create({ courseId });
    expect(await as(instructor).invite.join({ token })).toEqual({
      courseId,
      role: "instructor",
      joined: false,
    });
    expect(await roleOf(courseId, instructor.id)).toBe("instructor");
  });

  it("refuses a revoked invite, with a sentence saying so", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const invite = await as(instructor).invite.create({ courseId });
    const revoked = await as(instructor).invite.revoke({ courseId, inviteId: invite.id });
    expect(revoked.status).toBe("revoked");
    const student = await person();
    expect(await rejectionOf(as(student).invite.join({ token: invite.token }))).toBe(
      "invite.revoked",
    );
    expect(await rejectionOf(as(student).invite.join({ code: invite.code }))).toBe(
      "invite.revoked",
    );
    expect((await as(student).invite.preview({ token: invite.token })).status).toBe("revoked");
    expect(await roleOf(courseId, student.id)).toBeNull();
  });

  it("refuses an expired invite", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const invite = await as(instructor).invite.create({ courseId });
    await testDb.db.courseInvite.update({
      where: { id: invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const student = await person();
    expect(await rejectionOf(as(student).invite.join({ token: invite.token }))).toBe(
      "invite.expired",
    );
    expect((await as(null).invite.preview({ token: invite.token })).status).toBe("expired");
  });

  it("refuses to join an archived course", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const invite = await as(instructor).invite.create({ courseId });
    await as(instructor).course.archive({ courseId });
    expect(await rejectionOf(as(await person()).invite.join({ token: invite.token }))).toBe(
      "course.archived",
    );
    expect((await as(null).invite.preview({ token: invite.token })).status).toBe("archived");
  });

  it("needs a signed-in user", async () => {
    expect(await rejectionOf(as(null).invite.join({ code: "ABCD-EFGH" }))).toBe(
      "auth.sign_in_required",
    );
  });
});

describe("invite.revoke", () => {
  it("is the instructors' alone, and only for their course's invites", async () => {
    const { courseId, instructor } = await courseWithInstructor();
    const invite = await as(instructor).invite.create({ courseId });
    const student = await person();
    await buildMembership(testDb.db, courseId, student.id, "student");
    expect(await rejectionOf(as(student).invite.revoke({ courseId, inviteId: invite.id }))).toBe(
      "course.instructors_only",
    );
    const other = await courseWithInstructor();
    expect(
      await rejectionOf(
        as(other.instructor).invite.revoke({ courseId: other.courseId, inviteId: invite.id }),
      ),
    ).toBe("not_found");
    expect(
      (await testDb.db.courseInvite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt,
    ).toBeNull();
  });
});
