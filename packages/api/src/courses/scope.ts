import type { Db, Prisma } from "@hashiya/db";
import { requireOpenCourse } from "../authorise";
import { membershipPayload, MEMBERSHIP_CHANNEL } from "../live/membership-channel";
import {
  type Actor,
  type CourseAction,
  type CourseStanding,
  can,
  courseStanding,
} from "../policies";
import { appError } from "../trpc";

export type Tx = Prisma.TransactionClient;

/** A course as a change to it reads it, under its row lock. */
export interface LockedCourse {
  id: string;
  title: string;
  archivedAt: Date | null;
}

/**
 * The refusal for an actor who may not do `action` in a course: outsiders cannot tell a course
 * they may not see from one that does not exist (no probing for ids); members are told why.
 */
export function refusal(actor: Actor, standing: CourseStanding, action: CourseAction) {
  if (standing === "none" && !actor?.isAdmin) return appError("NOT_FOUND", "not_found");
  return appError(
    "FORBIDDEN",
    action === "manage_course" ? "course.instructors_only" : "course.staff_only",
  );
}

/**
 * The course and the actor's role in it, for a read that needs `action`: refused like a
 * change would be, archived or not. No lock: reads do not need one.
 */
export async function readInCourse(
  db: Db,
  actor: Actor,
  courseId: string,
  action: CourseAction,
): Promise<{ course: LockedCourse; standing: CourseStanding }> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true, archivedAt: true },
  });
  if (!course) throw appError("NOT_FOUND", "not_found");
  const standing = await courseStanding(db, actor, courseId);
  if (!can(actor, standing, action)) throw refusal(actor, standing, action);
  return { course, standing };
}

/**
 * Runs a change to a course in one transaction that first locks the course's row and reads the
 * actor's role in it, once the actor may do `action` there; refuses every change to an archived
 * course unless `allowArchived`. The lock serialises the course's changes, so invariants read
 * in it hold until commit ("at least one instructor" cannot be broken by two demotions at once).
 */
export async function writeInCourse<T>(
  db: Db,
  actor: Actor,
  courseId: string,
  options: { action: CourseAction; allowArchived?: boolean },
  command: (tx: Tx, course: LockedCourse, standing: CourseStanding) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const userId = actor?.userId ?? null;
    const [row] = await tx.$queryRaw<(LockedCourse & { role: CourseStanding | null })[]>`
      SELECT c.id, c.title, c.archived_at AS "archivedAt", m.role::text AS role
      FROM courses c
      LEFT JOIN memberships m ON m.course_id = c.id AND m.user_id = ${userId}
      WHERE c.id = ${courseId}
      FOR NO KEY UPDATE OF c`;
    if (!row) throw appError("NOT_FOUND", "not_found");
    const { role, ...course } = row;
    const standing: CourseStanding = actor ? (role ?? "none") : "none";
    if (!can(actor, standing, options.action)) throw refusal(actor, standing, options.action);
    if (!options.allowArchived) requireOpenCourse(course);
    return command(tx, course, standing);
  });
}

/**
 * Announces, from inside the transaction that made it, a change to who may do what in a
 * course (`userId` null: everyone in it). PostgreSQL delivers the notification only when the
 * transaction commits, so listeners never act on a change that rolled back.
 */
export async function announceMembershipChange(
  tx: Tx,
  courseId: string,
  userId: string | null,
): Promise<void> {
  const payload = membershipPayload({ courseId, userId });
  await tx.$executeRaw`SELECT pg_notify(${MEMBERSHIP_CHANNEL}, ${payload})`;
}
