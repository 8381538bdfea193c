import type { CollabDocument, DocumentAccess } from "./documents";

/** What the Authentication extension attaches to every connection it lets in. */
export interface CollabContext {
  user: { id: string; name: string; isAdmin: boolean };
  document: CollabDocument;
  access: DocumentAccess;
}
