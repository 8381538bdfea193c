// Test data builders: each returns what it created, with sensible defaults that a test overrides.
import { randomBytes } from "node:crypto";
import { type CreateAnnotationInput, plainTextToBody } from "@hashiya/annotation-schema";
import type { Db, Role } from "@hashiya/db";
import { createCaller } from "../index";
import type { RateLimits } from "../abuse/rate-limits";
import type { LiveHub } from "../live/hub";
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

export function buildText(
  db: Db,
  courseId: string,
  overrides: { isPublic?: boolean; paragraphs?: string[] } = {},
) {
  const paragraphs = overrides.paragraphs ?? ["ان تروتسكي الذي بقي خارج كلا المعسكرين", "يتبع"];
  const blocks = paragraphs.map((text) => ({ type: "paragraph", text: text.normalize("NFC") }));
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

/**
 * A course with one text and a signed-in member per entry of `roles` (name → role), e.g.
 * `{ instructor: "instructor", student: "student", classmate: "student" }`.
 */
export async function buildClassroom<Name extends string>(db: Db, roles: Record<Name, Role>) {
  const course = await buildCourse(db);
  const text = await buildText(db, course.id);
  const members = {} as Record<Name, SessionUser>;
  for (const [name, role] of Object.entries(roles) as [Name, Role][]) {
    members[name] = sessionOf(await buildUser(db));
    await buildMembership(db, course.id, members[name].id, role);
  }
  return { courseId: course.id, text, ...members };
}

/**
 * A caller acting as this user (or anonymously with null), as the web app's handler would;
 * `live` is the process's hub, `signal` ends the caller's subscriptions (a cut connection).
 */
export function callerFor(
  db: Db,
  user: SessionUser | null,
  options: {
    live?: LiveHub;
    signal?: AbortSignal;
    /** Write budgets to enforce (none by default) and the address anonymous writes count against. */
    rateLimits?: RateLimits;
    clientAddress?: string;
  } = {},
) {
  return createCaller(
    createTRPCContext({
      db,
      session: user ? { user } : null,
      authSecret: TEST_AUTH_SECRET,
      collabUrl: TEST_COLLAB_URL,
      live: options.live ?? null,
      rateLimits: options.rateLimits ?? null,
      clientAddress: options.clientAddress ?? null,
    }),
    { signal: options.signal },
  );
}

/** The session of a user row, as `callerFor` takes it. */
export function sessionOf(user: { id: string; name: string; isAdmin: boolean }): SessionUser {
  return { id: user.id, name: user.name, isAdmin: user.isAdmin };
}

/** A comment body holding this plain text (one paragraph per line). */
export const bodyOf = (text: string) => plainTextToBody(text);

/** An `annotation.create` input on the first word of a `buildText` text, overridable. */
export function annotationInput(
  text: { id: string; version: number },
  overrides: Partial<Omit<CreateAnnotationInput, "textId">> = {},
): CreateAnnotationInput {
  return {
    textId: text.id,
    textVersion: text.version,
    start: 3,
    end: 10,
    body: bodyOf("تعليق على هذه العبارة"),
    ...overrides,
  };
}
