// Commands on a course as a whole: start one, rename, archive and restore, copy for a new term.
import type { Db, Prisma } from "@hashiya/db";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

/** Starts a course; its creator is its first instructor. */
export async function createCourse(db: Db, userId: string, title: string) {
  return db.$transaction(async (tx) => {
    const course = await tx.course.create({ data: { title }, select: { id: true, title: true } });
    await tx.membership.create({ data: { courseId: course.id, userId, role: "instructor" } });
    return course;
  });
}

export async function renameCourse(tx: Tx, course: LockedCourse, title: string) {
  return tx.course.update({
    where: { id: course.id },
    data: { title },
    select: { id: true, title: true },
  });
}

/**
 * Archives or restores. Everyone in the course is told at once (collab connections turn
 * read-only, readers' pages stop offering to write): the change concerns them all.
 */
export async function setArchived(tx: Tx, course: LockedCourse, archived: boolean) {
  if (archived === (course.archivedAt !== null)) {
    return { id: course.id, archivedAt: course.archivedAt };
  }
  const updated = await tx.course.update({
    where: { id: course.id },
    data: { archivedAt: archived ? new Date() : null },
    select: { id: true, archivedAt: true },
  });
  await announceMembershipChange(tx, course.id, null);
  return updated;
}

/**
 * A copy for a new term: the settings and the texts (title, body, language, instructions,
 * public or not), none of the students' work (annotations, notes, flags), no members but the
 * copier as instructor, no invites. Due dates belong to the old term and are left unset.
 */
export async function copyCourse(tx: Tx, sourceId: string, userId: string, title: string) {
  const source = await tx.course.findUniqueOrThrow({
    where: { id: sourceId },
    select: {
      preModeration: true,
      revealAfterPosts: true,
      namesHidden: true,
      deletedAuthorPolicy: true,
      texts: {
        orderBy: { createdAt: "asc" },
        select: {
          title: true,
          language: true,
          direction: true,
          isPublic: true,
          body: true,
          blocks: true,
          instructions: true,
        },
      },
    },
  });
  const { texts, ...settings } = source;
  const copy = await tx.course.create({
    data: { ...settings, title, copiedFromId: sourceId },
    select: { id: true, title: true },
  });
  await tx.membership.create({ data: { courseId: copy.id, userId, role: "instructor" } });
  // A course's texts are ordered by their creation time: the copies keep the source's order.
  const now = Date.now();
  await tx.text.createMany({
    data: texts.map((text, index) => ({
      ...text,
      blocks: text.blocks as Prisma.InputJsonValue,
      courseId: copy.id,
      createdAt: new Date(now + index),
    })),
  });
  return copy;
}
