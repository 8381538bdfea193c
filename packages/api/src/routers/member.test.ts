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
  testDb = await createTestDatabase("api_member");
});
afterAll(() => testDb.drop());

const as = (user: SessionUser | null) => callerFor(testDb.db, user);

async function person(name?: string) {
  return sessionOf(await buildUser(testDb.db, { name }));
}

/** A course with an instructor, a moderator and two students. */
async function classroom() {
  const course = await buildCourse(testDb.db);
  const [instructor, moderator, amal, omar] = await Promise.all([
    person("ليلى"),
    person("سامر"),
    person("أمل"),
    person("Omar"),
  ]);
  await buildMembership(testDb.db, course.id, instructor.id, "instructor");
  await buildMembership(testDb.db, course.id, moderator.id, "moderator");
  await buildMembership(testDb.db, course.id, amal.id, "student");
  await buildMembership(testDb.db, course.id, omar.id, "student");
  return { courseId: course.id, instructor, moderator, amal, omar };
}

const roleOf = async (courseId: string, userId: string) =>
  (
    await testDb.db.membership.findUnique({
      where: { courseId_userId: { courseId, userId } },
    })
  )?.role ?? null;

describe("member.list", () => {
  it("lists instructors first, then moderators, then students, with emails for instructors", async () => {
    const { courseId, instructor, moderator, amal, omar } = await classroom();
    const members = await as(instructor).member.list({ courseId });
    expect(members.map((m) => m.role)).toEqual(["instructor", "moderator", "student", "student"]);
    expect(members.slice(0, 2).map((m) => m.userId)).toEqual([instructor.id, moderator.id]);
    expect(new Set(members.slice(2).map((m) => m.userId))).toEqual(new Set([amal.id, omar.id]));
    expect(members.every((m) => m.email?.endsWith("@hashiya.test"))).toBe(true);
  });

  it("shows moderators the members without their emails", async () => {
    const { courseId, moderator } = await classroom();
    const members = await as(moderator).member.list({ courseId });
    expect(members).toHaveLength(4);
    expect(members.every((m) => m.email === null)).toBe(true);
  });

  it("is refused to students with a sentence and to outsiders as not found", async () => {
    const { courseId, amal } = await classroom();
    expect(await rejectionOf(as(amal).member.list({ courseId }))).toBe("course.staff_only");
    expect(await rejectionOf(as(await person()).member.list({ courseId }))).toBe("not_found");
    expect(await rejectionOf(as(null).member.list({ courseId }))).toBe("auth.sign_in_required");
  });
});

describe("member.setRole", () => {
  it("changes a role", async () => {
    const { courseId, instructor, amal } = await classroom();
    await as(instructor).member.setRole({ courseId, userId: amal.id, role: "moderator" });
    expect(await roleOf(courseId, amal.id)).toBe("moderator");
  });

  it("never leaves the course without an instructor", async () => {
    const { courseId, instructor, moderator } = await classroom();
    expect(
      await rejectionOf(
        as(instructor).member.setRole({ courseId, userId: instructor.id, role: "student" }),
      ),
    ).toBe("member.last_instructor");
    // With a second instructor, the first may step down.
    await as(instructor).member.setRole({ courseId, userId: moderator.id, role: "instructor" });
    await as(instructor).member.setRole({ courseId, userId: instructor.id, role: "student" });
    expect(await roleOf(courseId, instructor.id)).toBe("student");
  });

  it("two instructors demoting each other at once cannot both succeed", async () => {
    const { courseId, instructor, moderator } = await classroom();
    await as(instructor).member.setRole({ courseId, userId: moderator.id, role: "instructor" });
    const outcomes = await Promise.all([
      rejectionOf(
        as(instructor).member.setRole({ courseId, userId: moderator.id, role: "student" }),
      ),
      rejectionOf(
        as(moderator).member.setRole({ courseId, userId: instructor.id, role: "student" }),
      ),
    ]);
    expect(outcomes.sort()).toEqual(["member.last_instructor", "resolved"].sort());
    expect(await testDb.db.membership.count({ where: { courseId, role: "instructor" } })).toBe(1);
  });

  it("refuses students, moderators, unknown members and unknown roles", async () => {
    const { courseId, moderator, amal, omar } = await classroom();
    const input = { courseId, userId: omar.id, role: "moderator" as const };
    expect(await rejectionOf(as(amal).member.setRole(input))).toBe("course.instructors_only");
    expect(await rejectionOf(as(moderator).member.setRole(input))).toBe("course.instructors_only");
    // The instructor of another course does not see this one; a non-member is no member.
    const { instructor } = await classroom();
    expect(await rejectionOf(as(instructor).member.setRole(input))).toBe("not_found");
    const stranger = await person();
    expect(
      await rejectionOf(
        as(instructor).member.setRole({ ...input, courseId: (await classroom()).courseId }),
      ),
    ).toBe("not_found");
    const own = await testDb.db.membership.findFirstOrThrow({
      where: { userId: instructor.id },
    });
    expect(
      await rejectionOf(
        as(instructor).member.setRole({
          courseId: own.courseId,
          userId: stranger.id,
          role: "student",
        }),
      ),
    ).toBe("member.not_found");
    expect(
      await rejectionOf(as(instructor).member.setRole({ ...input, role: "owner" } as never)),
    ).toBe("invalid_input");
  });

  it("an admin who is not a member may change roles", async () => {
    const { courseId, amal } = await classroom();
    const admin = sessionOf(await buildUser(testDb.db, { isAdmin: true }));
    await as(admin).member.setRole({ courseId, userId: amal.id, role: "moderator" });
    expect(await roleOf(courseId, amal.id)).toBe("moderator");
  });
});

describe("member.remove", () => {
  it("removes a member; their annotations stay", async () => {
    const { courseId, instructor, amal } = await classroom();
    await as(instructor).member.remove({ courseId, userId: amal.id });
    expect(await roleOf(courseId, amal.id)).toBeNull();
    expect(await rejectionOf(as(instructor).member.remove({ courseId, userId: amal.id }))).toBe(
      "member.not_found",
    );
  });

  it("never removes the last instructor, not even at their own request", async () => {
    const { courseId, instructor } = await classroom();
    expect(
      await rejectionOf(as(instructor).member.remove({ courseId, userId: instructor.id })),
    ).toBe("member.last_instructor");
  });

  it("is the instructors' alone", async () => {
    const { courseId, moderator, amal, omar } = await classroom();
    expect(await rejectionOf(as(moderator).member.remove({ courseId, userId: omar.id }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(amal).member.remove({ courseId, userId: omar.id }))).toBe(
      "course.instructors_only",
    );
    expect(await rejectionOf(as(amal).member.remove({ courseId, userId: "" }))).toBe(
      "invalid_input",
    );
  });

  it("is refused while the course is archived", async () => {
    const { courseId, instructor, amal } = await classroom();
    await as(instructor).course.archive({ courseId });
    expect(await rejectionOf(as(instructor).member.remove({ courseId, userId: amal.id }))).toBe(
      "course.archived",
    );
    expect(await as(instructor).member.list({ courseId })).toHaveLength(4);
  });
});
