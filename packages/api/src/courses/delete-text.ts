// Deleting a text for good: its threads, replies, reactions, flags, live events, shared notes
// and the notifications that point at it, in one transaction. The moderation audit log keeps
// its entries (the course's record; they name items that no longer exist).
import type { Db } from "@hashiya/db";
import { appError } from "../trpc";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

/**
 * What deleting the text loses, as its staff see the discussion: threads and replies not taken
 * back by their authors. Private notes are never counted for the staff (not even as a number).
 */
export async function textDeletionImpact(db: Pick<Db, "annotation" | "reply">, textId: string) {
  const shared = { textId, visibility: { not: "private" as const } };
  const [threads, replies] = await Promise.all([
    db.annotation.count({ where: { ...shared, deletedAt: null } }),
    db.reply.count({ where: { deletedAt: null, annotation: shared } }),
  ]);
  return { threads, replies };
}

/**
 * Deletes the text under its row lock, then announces the course: every open page and socket
 * on it checks its access again on commit and, the text being gone, loses it (the live stream
 * ends with `course.access_revoked`, the collab server closes its documents).
 */
export async function deleteText(tx: Tx, course: LockedCourse, textId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM texts WHERE id = ${textId} AND course_id = ${course.id} FOR UPDATE`;
  if (!locked) throw appError("NOT_FOUND", "not_found");
  const impact = await textDeletionImpact(tx, textId);
  // Neither table has a foreign key to the text: their rows go by hand.
  await tx.notification.deleteMany({ where: { textId } });
  await tx.collabUpdate.deleteMany({
    where: { documentName: { in: [`notes:${textId}`, `text:${textId}`] } },
  });
  // Annotations (with replies, reactions, tags, flags) and events follow by cascade.
  await tx.text.delete({ where: { id: textId } });
  await announceMembershipChange(tx, course.id, null);
  return { id: locked.id, courseId: course.id, ...impact };
}
