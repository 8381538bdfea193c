import type { Db } from "@hashiya/db";
import type { SessionUser } from "../trpc";
import { buildCourse, buildMembership, buildText, buildUser, sessionOf } from "./factories";

/** The columns of DESIGN.md's "Who may do what", plus a student of another course. */
export type Persona =
  | "anonymous"
  | "non-member"
  | "student of another course"
  | "student"
  | "moderator"
  | "instructor"
  | "admin";

export const allPersonas: Persona[] = [
  "anonymous",
  "non-member",
  "student of another course",
  "student",
  "moderator",
  "instructor",
  "admin",
];
/** Members of the course (the admin is not one, but may do what they may). */
export const memberPersonas: Persona[] = ["student", "moderator", "instructor"];
export const writerPersonas: Persona[] = [...memberPersonas, "admin"];
export const staffPersonas: Persona[] = ["moderator", "instructor", "admin"];

export interface CourseWorld {
  courseId: string;
  publicText: { id: string; version: number; body: string };
  privateText: { id: string; version: number; body: string };
  /** Each persona's session (null for anonymous). */
  users: Map<Persona, SessionUser | null>;
  /** A second student of the course, the usual author of other people's threads. */
  classmate: SessionUser;
}

/** A course with a public and a course-only text, and one user per persona. */
export async function buildCourseWorld(db: Db): Promise<CourseWorld> {
  const course = await buildCourse(db);
  const otherCourse = await buildCourse(db);
  const publicText = await buildText(db, course.id, { isPublic: true });
  const privateText = await buildText(db, course.id, { isPublic: false });
  const users = new Map<Persona, SessionUser | null>();
  users.set("anonymous", null);
  users.set("non-member", sessionOf(await buildUser(db)));
  const outsider = await buildUser(db);
  await buildMembership(db, otherCourse.id, outsider.id, "student");
  users.set("student of another course", sessionOf(outsider));
  for (const role of ["student", "moderator", "instructor"] as const) {
    const user = await buildUser(db);
    await buildMembership(db, course.id, user.id, role);
    users.set(role, sessionOf(user));
  }
  users.set("admin", sessionOf(await buildUser(db, { isAdmin: true })));
  const classmate = await buildUser(db);
  await buildMembership(db, course.id, classmate.id, "student");
  return { courseId: course.id, publicText, privateText, users, classmate: sessionOf(classmate) };
}

/**
 * Gives a member persona (student, moderator, instructor) the role its name says in another
 * course; the other personas stay outside it.
 */
export async function joinAsPersona(
  db: Db,
  courseId: string,
  persona: Persona,
  user: SessionUser | null | undefined,
): Promise<void> {
  if (!user || !memberPersonas.includes(persona)) return;
  await buildMembership(db, courseId, user.id, persona as "student" | "moderator" | "instructor");
}
