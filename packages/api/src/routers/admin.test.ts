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

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase("api_admin");
});
afterAll(() => testDb.drop());

const as = (user: { id: string; name: string; isAdmin: boolean }) =>
  callerFor(testDb.db, sessionOf(user));

describe("admin.users / admin.courses", () => {
  it("search users by name or email, Arabic included, in pages", async () => {
    const admin = await buildUser(testDb.db, { isAdmin: true });
    const fatima = await buildUser(testDb.db, { name: "فاطمة الزهراء" });
    await buildUser(testDb.db, { name: "Omar" });
    const found = await as(admin).admin.users({ query: "فاطمة" });
    expect(found.users.map((u) => u.id)).toEqual([fatima.id]);
    expect(found.users[0]).toMatchObject({
      name: "فاطمة الزهراء",
      isAdmin: false,
      deletedAt: null,
      courses: 0,
    });
    const byEmail = await as(admin).admin.users({ query: fatima.email.toUpperCase() });
    expect(byEmail.users.map((u) => u.id)).toEqual([fatima.id]);
    const first = await as(admin).admin.users({ limit: 2 });
    const second = await as(admin).admin.users({ limit: 2, cursor: first.nextCursor });
    expect(first.users).toHaveLength(2);
    expect(second.users.map((u) => u.id)).not.toContain(first.users[0]!.id);
  });

  it("search courses by title, with sizes and instructors", async () => {
    const admin = await buildUser(testDb.db, { isAdmin: true });
    const course = await buildCourse(testDb.db, "مقرر النقد الأدبي");
    const teacher = await buildUser(testDb.db, { name: "الأستاذة سلمى" });
    await buildMembership(testDb.db, course.id, teacher.id, "instructor");
    await buildMembership(testDb.db, course.id, (await buildUser(testDb.db)).id, "student");
    const found = await as(admin).admin.courses({ query: "النقد" });
    expect(found.courses).toEqual([
      expect.objectContaining({
        id: course.id,
        title: "مقرر النقد الأدبي",
        members: 2,
        texts: 0,
        instructors: [{ id: teacher.id, name: "الأستاذة سلمى" }],
      }),
    ]);
  });
});

describe("admin.setAdmin", () => {
  it("makes and unmakes admins, effective at once for their open sessions", async () => {
    const admin = await buildUser(testDb.db, { isAdmin: true });
    const other = await buildUser(testDb.db);
    // Their session still says "not admin" (a JWT issued before): the account's row decides.
    const otherSession = as(other);
    expect(await rejectionOf(otherSession.admin.users({}))).toBe("admin.only");
    expect(await as(admin).admin.setAdmin({ userId: other.id, isAdmin: true })).toEqual({
      id: other.id,
      isAdmin: true,
    });
    expect(await rejectionOf(otherSession.admin.users({}))).toBe("resolved");
    await otherSession.admin.setAdmin({ userId: admin.id, isAdmin: false });
    expect(await rejectionOf(as(admin).admin.users({}))).toBe("admin.only");
  });

  it("keeps at least one admin, and refuses deleted or unknown accounts", async () => {
    const admins = await testDb.db.user.findMany({
      where: { isAdmin: true },
      select: { id: true },
    });
    await testDb.db.user.updateMany({ data: { isAdmin: false } });
    try {
      const only = await buildUser(testDb.db, { isAdmin: true });
      expect(await rejectionOf(as(only).admin.setAdmin({ userId: only.id, isAdmin: false }))).toBe(
        "admin.last_admin",
      );
      const gone = await buildUser(testDb.db);
      await testDb.db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
      expect(await rejectionOf(as(only).admin.setAdmin({ userId: gone.id, isAdmin: true }))).toBe(
        "not_found",
      );
      expect(
        await rejectionOf(as(only).admin.setAdmin({ userId: "no-such-user", isAdmin: true })),
      ).toBe("not_found");
      expect(
        await rejectionOf(as(only).admin.setAdmin({ userId: "x".repeat(65), isAdmin: true })),
      ).toBe("invalid_input");
    } finally {
      await testDb.db.user.updateMany({
        where: { id: { in: admins.map((a) => a.id) } },
        data: { isAdmin: true },
      });
    }
  });
});
