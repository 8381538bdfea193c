import { type Actor, canWriteInCourse, findReadableText } from "@hashiya/api/policies";
import type { Db } from "@hashiya/db";

/**
 * The Yjs documents the collab server serves, decoded from their names:
 * - `text:<textId>` — presence (awareness) on a text; no persisted content;
 * - `notes:<textId>` — the shared notes of the text's course on that text (a text belongs to one
 *   course, so one notes document per course and text), persisted in `collab_updates`.
 */
export type CollabDocument = { type: "text"; textId: string } | { type: "notes"; textId: string };

const TYPES: ReadonlySet<string> = new Set<CollabDocument["type"]>(["text", "notes"]);

/** What a user may do with an open document. */
export type DocumentAccess = "read-write" | "read-only";

// Ids are cuids; anything else is refused before it reaches a query.
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function documentName(document: CollabDocument): string {
  return `${document.type}:${document.textId}`;
}

/** The document a name stands for, or null for a name that follows no scheme. */
export function parseDocumentName(name: string): CollabDocument | null {
  const separator = name.indexOf(":");
  if (separator === -1) return null;
  const type = name.slice(0, separator);
  const id = name.slice(separator + 1);
  if (!TYPES.has(type) || !ID.test(id)) return null;
  return { type: type as CollabDocument["type"], textId: id };
}

/** True for the documents whose content is persisted (and must be durable before its ack). */
export function isPersisted(document: CollabDocument): boolean {
  return document.type === "notes";
}

/**
 * What the actor may do with the document, through the same policies as the API; null when they
 * may not open it at all. Both kinds follow the text: whoever may read it may read its presence
 * and its course's notes; whoever may annotate it (course members, admins) may write them, while
 * the course is not archived.
 */
export async function documentAccess(
  db: Db,
  actor: Actor,
  document: CollabDocument,
): Promise<DocumentAccess | null> {
  switch (document.type) {
    case "text":
    case "notes": {
      const readable = await findReadableText(db, actor, document.textId);
      if (!readable) return null;
      const course = await db.course.findUniqueOrThrow({
        where: { id: readable.text.courseId },
        select: { archivedAt: true },
      });
      return canWriteInCourse(actor, readable.standing, course) ? "read-write" : "read-only";
    }
  }
}
