import type { Db } from "@hashiya/db";
import { type Actor, type CourseStanding, can, findReadableText } from "../policies";
import type { ViewerLens } from "../presenters";
import { loadLens } from "../queries/lens";

// Who reads a text's container: the same answer as the reader's (`findReadableText`: public
// texts for everyone, course texts for members, staff and admins), seen through their lens.

export interface ProtocolScope {
  actor: Actor;
  standing: CourseStanding;
  text: {
    id: string;
    courseId: string;
    title: string;
    version: number;
    body: string;
    language: string;
    direction: "rtl" | "ltr";
  };
  lens: ViewerLens;
  /** Staff see moderator-hidden items (marked in the app; plain in W3C), as the exporter does. */
  staff: boolean;
}

/** The text as this actor may read it, or null (missing, or not theirs: indistinguishable). */
export async function protocolScope(
  db: Db,
  actor: Actor,
  textId: string,
): Promise<ProtocolScope | null> {
  const found = await findReadableText(db, actor, textId);
  if (!found) return null;
  const { text, standing } = found;
  const lens = await loadLens(db, actor, standing, { id: text.id, courseId: text.courseId });
  return {
    actor,
    standing,
    text: {
      id: text.id,
      courseId: text.courseId,
      title: text.title,
      version: text.version,
      body: text.body,
      language: text.language,
      direction: text.direction === "ltr" ? "ltr" : "rtl",
    },
    lens,
    staff: can(actor, standing, "moderate"),
  };
}
