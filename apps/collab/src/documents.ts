import { type Actor, can, findReadableText } from "@hashiya/api/policies";
import type { Db } from "@hashiya/db";

/**
 * The Yjs documents the collab server serves, decoded from their names. One scheme for now:
 * `text:<textId>` — presence (awareness) on a text; shared notes and the text itself come later
 * as more variants of this union.
 */
export type CollabDocument = { type: "text"; textId: string };

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
  if (type === "text" && ID.test(id)) return { type: "text", textId: id };
  return null;
}

/**
 * What the actor may do with the document, through the same policies as the API; null when they
 * may not open it at all.
 */
export async function documentAccess(
  db: Db,
  actor: Actor,
  document: CollabDocument,
): Promise<DocumentAccess | null> {
  switch (document.type) {
    case "text": {
      const readable = await findReadableText(db, actor, document.textId);
      if (!readable) return null;
      return can(actor, readable.standing, "annotate") ? "read-write" : "read-only";
    }
  }
}
