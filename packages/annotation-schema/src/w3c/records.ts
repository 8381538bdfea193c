import { z } from "zod";
import type { CommentBody } from "../body-schema";
import type { PositionSelector, QuoteSelector } from "../selectors";
import type { Visibility } from "../visibility";

// What the exporter is given: our annotations, replies and moderation decisions as the API
// reads them (already filtered to what the exporting person may see; DESIGN "Deleting").

/** A person: our user id and the name others see. */
export interface PersonRecord {
  id: string;
  name: string;
  /** Not a user here (an imported annotation's original author): an Agent with a name only. */
  external?: boolean;
}

/** An annotation (a thread's opening comment) on a passage of one text. */
export interface AnnotationRecord {
  id: string;
  author: PersonRecord;
  /** The passage as it is now (`describeRange` on the current text), or as stored for an orphan. */
  quote: QuoteSelector;
  /** Where the passage is now, in code points; null for an orphan (only its quote travels). */
  position: PositionSelector | null;
  /** Null for a tombstone kept because replies hang on it. */
  body: CommentBody | null;
  isQuestion: boolean;
  visibility: Visibility;
  /** Normalised tag names. */
  tags: readonly string[];
  createdAt: Date;
  editedAt: Date | null;
}

/** A reply in an annotation's thread. */
export interface ReplyRecord {
  id: string;
  annotationId: string;
  author: PersonRecord;
  /** Null for a tombstone. */
  body: CommentBody | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** The moderation decisions on an annotation or a reply that travel as `moderating` annotations. */
export const moderationDecisionSchema = z.enum([
  "hide",
  "unhide",
  "approve",
  "deny",
  "remove",
  "restore",
  "lock",
  "unlock",
]);
/** hide | unhide | approve | deny | remove | restore | lock | unlock (the audit log's kinds). */
export type ModerationDecision = z.infer<typeof moderationDecisionSchema>;

/** One moderation decision of the audit log, on an annotation or a reply. */
export interface ModerationRecord {
  id: string;
  actor: PersonRecord;
  decision: ModerationDecision;
  /** The moderator's reason; may be empty. */
  reason: string;
  createdAt: Date;
  subject: { type: "annotation" | "reply"; id: string };
}

/** The text the annotations are on: the targets' source. */
export interface TextRecord {
  /** The text's IRI (the Specific Resources' `source`). */
  iri: string;
  /** BCP 47 tag, e.g. "ar". */
  language: string;
  direction: "rtl" | "ltr";
}

/** How our ids become IRIs. The API decides the layout (its protocol serves them). */
export interface W3cIris {
  annotation(id: string): string;
  reply(id: string): string;
  moderation(id: string): string;
  user(id: string): string;
}

/**
 * IRIs under `baseUrl` for one text: `…/texts/T/annotations/A`, `…/texts/T/replies/R`,
 * `…/texts/T/moderation/M` and `…/users/U`, ids percent-encoded.
 */
export function textIris(baseUrl: string, textId: string): W3cIris & { text: string } {
  // An export asks once per item, nearly always for the same text: the last answer is reused.
  if (lastIris && lastIris.baseUrl === baseUrl && lastIris.textId === textId) return lastIris.iris;
  const iris = buildTextIris(baseUrl, textId);
  lastIris = { baseUrl, textId, iris };
  return iris;
}

let lastIris: { baseUrl: string; textId: string; iris: W3cIris & { text: string } } | null = null;

function buildTextIris(baseUrl: string, textId: string): W3cIris & { text: string } {
  const base = baseUrl.replace(/\/+$/, "");
  const text = `${base}/texts/${encodeURIComponent(textId)}`;
  return Object.freeze({
    text,
    annotation: (id: string) => `${text}/annotations/${encodeURIComponent(id)}`,
    reply: (id: string) => `${text}/replies/${encodeURIComponent(id)}`,
    moderation: (id: string) => `${text}/moderation/${encodeURIComponent(id)}`,
    user: (id: string) => `${base}/users/${encodeURIComponent(id)}`,
  });
}
