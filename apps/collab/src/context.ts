import type { CollabDocument, DocumentAccess } from "./documents";

/** What the Authentication extension attaches to every connection it lets in. */
export interface CollabContext {
  user: { id: string; name: string; isAdmin: boolean };
  document: CollabDocument;
  access: DocumentAccess;
  /** The identity shown to the others on the document (`presenceIdentity`); else the user's. */
  presence?: { id: string; name: string; colour: string };
}
