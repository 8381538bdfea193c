import type { Visibility } from "@hashiya/db";
import { type Actor, type CourseStanding, can } from "./actor";

/** What the thread policies need to know about a thread (an annotation and its replies). */
export interface ThreadAccess {
  visibility: Visibility;
  authorId: string;
}

const STAFF: CourseStanding[] = ["instructor", "moderator"];

/**
 * Whether the actor may see a thread, given that they may read its text (callers check
 * `canReadText` first; a thread never makes its text readable). Private threads are their
 * author's alone — not even admins or instructors see them (DESIGN "Who may do what");
 * instructors-only threads are the author's and the staff's; course threads are everyone's
 * who reads the text.
 */
export function canSeeThread(
  actor: Actor,
  standing: CourseStanding,
  thread: ThreadAccess,
): boolean {
  switch (thread.visibility) {
    case "course":
      return true;
    case "private":
      return actor?.userId === thread.authorId;
    case "instructors":
      if (!actor) return false;
      return actor.userId === thread.authorId || actor.isAdmin || STAFF.includes(standing);
  }
}

/** Whether the actor may annotate, reply, react and tag in a text of this course. */
export function canWriteInText(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "annotate");
}

/**
 * Whether the actor may edit or delete this item as its author: only its author, and only
 * while they may still write in the course (a former member's words stay as they left them).
 */
export function canEditOwn(
  actor: Actor,
  standing: CourseStanding,
  item: { authorId: string },
): boolean {
  return actor?.userId === item.authorId && canWriteInText(actor, standing);
}
