import { type Actor, type CourseStanding, can } from "./actor";

/**
 * Whether the actor may write in the course now (annotate, reply, react, co-write its notes):
 * a member or an admin, while the course is not archived. An archived course is read-only for
 * everyone, its instructors included, until it is restored.
 */
export function canWriteInCourse(
  actor: Actor,
  standing: CourseStanding,
  course: { archivedAt: Date | null },
): boolean {
  return course.archivedAt === null && can(actor, standing, "annotate");
}

/** Anyone signed in may start a course; they become its first instructor. */
export function canCreateCourse(actor: Actor): boolean {
  return actor !== null;
}
