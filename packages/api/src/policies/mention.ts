import type { Role } from "@hashiya/db";
import type { CourseStanding } from "./actor";
import { canSeeThread, type ThreadAccess } from "./thread";

/** Most people one comment may mention (each one is notified). */
export const MAX_MENTIONS_PER_COMMENT = 20;

/** A course member someone wants to mention. */
export interface MentionCandidate {
  userId: string;
  role: Role;
  isAdmin: boolean;
}

/**
 * Whether a writer may mention this member in a comment of this thread: the member must be
 * able to see the thread (a private thread mentions nobody but its author, an
 * instructors-only one the staff and its author), and where names are hidden from classmates
 * a student may mention only the staff (or themself): naming a classmate would reveal them.
 */
export function canMention(
  writer: { userId: string; standing: CourseStanding },
  member: MentionCandidate,
  thread: ThreadAccess,
  course: { namesHidden: boolean },
): boolean {
  const memberActor = { userId: member.userId, isAdmin: member.isAdmin };
  if (!canSeeThread(memberActor, member.role, thread)) return false;
  if (thread.visibility === "private") return false;
  const classmateHidden =
    course.namesHidden &&
    writer.standing === "student" &&
    member.role === "student" &&
    member.userId !== writer.userId;
  return !classmateHidden;
}
