// A course's discussion settings. They are stored and shown here; what they do to posts and
// views is enforced where posts are written and presented.
import type { DeletedAuthorPolicy, Prisma } from "@hashiya/db";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

export const courseSettingsSelect = {
  preModeration: true,
  revealAfterPosts: true,
  namesHidden: true,
  deletedAuthorPolicy: true,
} as const satisfies Prisma.CourseSelect;

export interface SettingsChanges {
  preModeration?: boolean;
  revealAfterPosts?: number;
  namesHidden?: boolean;
  deletedAuthorPolicy?: DeletedAuthorPolicy;
}

/**
 * Changes the given settings. "Names hidden" and "reveal after posting" change what readers
 * see of the existing discussion: everyone's open pages are told to read it again.
 */
export async function updateSettings(tx: Tx, course: LockedCourse, changes: SettingsChanges) {
  const before = await tx.course.findUniqueOrThrow({
    where: { id: course.id },
    select: courseSettingsSelect,
  });
  const after = await tx.course.update({
    where: { id: course.id },
    data: changes,
    select: courseSettingsSelect,
  });
  if (
    before.namesHidden !== after.namesHidden ||
    before.revealAfterPosts !== after.revealAfterPosts
  ) {
    await announceMembershipChange(tx, course.id, null);
  }
  return after;
}
