// Turns policy answers into the errors procedures throw. The answers themselves come only
// from ./policies (shared with the collab server, which has its own way of refusing).
import {
  type Actor,
  type CourseStanding,
  canEditOwn,
  canReadText,
  canWriteInText,
} from "./policies";
import { appError } from "./trpc";

/** The actor may write in this text: otherwise `not_found` if they cannot even read it. */
export function requireWriter(
  actor: Actor,
  standing: CourseStanding,
  text: { isPublic: boolean; archivedAt?: Date | null },
): void {
  if (!canReadText(actor, standing, text)) throw appError("NOT_FOUND", "not_found");
  if (!canWriteInText(actor, standing)) throw appError("FORBIDDEN", "course.members_only");
  requireOpenCourse(text);
}

/** The course is not archived: an archived course is read-only for everyone, staff included. */
export function requireOpenCourse(course: { archivedAt?: Date | null }): void {
  if (course.archivedAt) throw appError("FORBIDDEN", "course.archived");
}

/** The actor is this item's author and may still write in its course. */
export function requireAuthor(
  actor: Actor,
  standing: CourseStanding,
  item: { authorId: string },
): void {
  if (canEditOwn(actor, standing, item)) return;
  if (actor?.userId === item.authorId) throw appError("FORBIDDEN", "course.members_only");
  throw appError("FORBIDDEN", "forbidden");
}
