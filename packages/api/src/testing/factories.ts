// Test data builders: each returns what it created, with sensible defaults that a test overrides.
import { randomBytes } from "node:crypto";
import type { Db, Role } from "@hashiya/db";
import { createCaller } from "../index";
import { createTRPCContext, type SessionUser } from "../trpc";

export const TEST_AUTH_SECRET = "test-auth-secret-that-is-long-enough-0123";
export const TEST_COLLAB_URL = "ws://localhost:1234";

const unique = () => randomBytes(4).toString("hex");

export function buildUser(db: Db, overrides: { name?: string; isAdmin?: boolean } = {}) {
  return db.user.create({
    data: {
      name: overrides.name ?? `مستخدم ${unique()}`,
      email: `user-${unique()}@hashiya.test`,
      isAdmin: overrides.isAdmin ?? false,
    },
  });
}

export function buildCourse(db: Db, title = `مقرر ${unique()}`) {
  return db.course.create({ data: { title } });
}

export function buildMembership(db: Db, courseId: string, userId: string, role: Role) {
  return db.membership.create({ data: { courseId, userId, role } });
}

export function buildText(db: Db, courseId: string, overrides: { isPublic?: boolean } = {}) {
  const blocks = [
    { type: "paragraph", text: "ان تروتسكي الذي بقي خارج كلا المعسكرين" },
    { type: "paragraph", text: "يتبع" },
  ];
  return db.text.create({
    data: {
      courseId,
      title: `نص ${unique()}`,
      language: "ar",
      direction: "rtl",
      isPublic: overrides.isPublic ?? false,
      body: blocks.map((block) => block.text).join("\n"),
      blocks,
    },
  });
}

/** A caller acting as this user (or anonymously with null), as the web app's handler would. */
export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller(
    createTRPCContext({
      db,
      session: user ? { user } : null,
      authSecret: TEST_AUTH_SECRET,
      collabUrl: TEST_COLLAB_URL,
    }),
  );
}
