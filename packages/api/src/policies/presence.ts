import { presenceColour } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";

/** Who a reader is to the others present on a text: the collab server insists on exactly this. */
export interface PresenceIdentity {
  id: string;
  name: string;
  colour: string;
}

/**
 * The identity a user shows on a text's presence and shared notes. Where the course hides
 * classmates' names, a student is "Classmate n" there too — the same stable number as on their
 * threads (join order among the course's students) — with an id and colour derived from it,
 * since awareness goes alike to everyone on the document. Everyone else shows their name.
 * Used by `collab.token` (what the browser publishes) and the collab server (what it accepts).
 */
export async function presenceIdentity(
  db: Pick<Db, "text" | "membership">,
  user: { id: string; name: string },
  textId: string,
): Promise<PresenceIdentity> {
  const own = { id: user.id, name: user.name, colour: presenceColour(user.id) };
  const text = await db.text.findUnique({
    where: { id: textId },
    select: { courseId: true, course: { select: { namesHidden: true } } },
  });
  if (!text?.course.namesHidden) return own;
  const membership = await db.membership.findUnique({
    where: { courseId_userId: { courseId: text.courseId, userId: user.id } },
    select: { role: true, createdAt: true },
  });
  if (membership?.role !== "student") return own;
  // The same order as the threads' aliases (queries/lens.ts): joined earlier, then smaller id.
  const before = await db.membership.count({
    where: {
      courseId: text.courseId,
      role: "student",
      OR: [
        { createdAt: { lt: membership.createdAt } },
        { createdAt: membership.createdAt, userId: { lt: user.id } },
      ],
    },
  });
  const number = before + 1;
  const id = `classmate-${number}`;
  return { id, name: `Classmate ${number}`, colour: presenceColour(id) };
}
