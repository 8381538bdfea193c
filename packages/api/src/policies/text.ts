import type { Db } from "@hashiya/db";
import { type Actor, type CourseStanding, can } from "./actor";

/** The actor's role in a course ("none" for non-members and anonymous readers). */
export async function courseStanding(
  db: Pick<Db, "membership">,
  actor: Actor,
  courseId: string,
): Promise<CourseStanding> {
  if (!actor) return "none";
  const membership = await db.membership.findUnique({
    where: { courseId_userId: { courseId, userId: actor.userId } },
    select: { role: true },
  });
  return membership?.role ?? "none";
}

export function canReadText(
  actor: Actor,
  standing: CourseStanding,
  text: { isPublic: boolean },
): boolean {
  return can(actor, standing, text.isPublic ? "read_public_text" : "read_course_text");
}

/**
 * The text with the actor's standing in its course, or null when it does not exist or the
 * actor may not read it (the two are indistinguishable on purpose: no probing for ids).
 */
export async function findReadableText(db: Db, actor: Actor, textId: string) {
  const text = await db.text.findUnique({ where: { id: textId } });
  if (!text) return null;
  const standing = await courseStanding(db, actor, text.courseId);
  return canReadText(actor, standing, text) ? { text, standing } : null;
}
