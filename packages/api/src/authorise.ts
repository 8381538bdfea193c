// Turns policy answers into the errors procedures throw. The answers themselves come only
// from ./policies (shared with the collab server, which has its own way of refusing).
import type { ModerationState } from "@hashiya/db";
import {
  type Actor,
  acceptsReplies,
  type CourseStanding,
  canEditOwn,
  canReadText,
  canWriteInText,
  isMuted,
  isStaff,
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

/**
 * The item is as the writer last saw it (`unchangedSince`, its `updatedAt` then), checked under
 * the text's lock so that no other write can slip in between (the protocol's If-Match).
 */
export function requireUnchanged(
  item: { updatedAt: Date },
  unchangedSince: Date | undefined,
): void {
  if (unchangedSince && item.updatedAt.getTime() !== unchangedSince.getTime())
    throw appError("PRECONDITION_FAILED", "protocol.precondition_failed");
}

/**
 * The actor is not muted in the course (they may read, but not write, until the mute ends);
 * the refusal says until when, in UTC (the page shows it in the reader's own time).
 */
export function requireUnmuted(mute: { mutedUntil: Date | null }, now = new Date()): void {
  if (!isMuted(mute, now) || !mute.mutedUntil) return;
  const until = `${mute.mutedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  throw appError("FORBIDDEN", "moderation.muted", { params: { until } });
}

/** The thread takes new replies: not locked, not deleted by its author or a moderator. */
export function requireOpenThread(thread: {
  lockedAt: Date | null;
  deletedAt: Date | null;
  moderationState: ModerationState;
}): void {
  const open = acceptsReplies(thread);
  if (open === "locked") throw appError("FORBIDDEN", "thread.locked");
  if (open === "gone") throw appError("CONFLICT", "thread.deleted");
}

/** The actor moderates this course (its moderators and instructors, and admins). */
export function requireModerator(actor: Actor, standing: CourseStanding): void {
  if (!isStaff(actor, standing)) throw appError("FORBIDDEN", "moderation.staff_only");
}
