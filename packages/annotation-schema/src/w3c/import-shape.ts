import type { CommentBody } from "../body-schema";
import type { PositionSelector, QuoteSelector } from "../selectors";
import type { Visibility } from "../visibility";
import type { ImportProblem } from "./import-problems";
import type { ModerationDecision } from "./records";

// What an import file becomes before anything is stored: every item parsed and checked, so the
// API can store all of it in one transaction or none (a refused file leaves nothing behind).
// The API then re-anchors each annotation in the text's current version with text-model's
// `anchorMany(text, items.map(a => a.position ? [a.quote, a.position] : [a.quote]))`, stores it
// with its anchor state (orphans too, listed in the report), and makes `externalId` the row's
// `externalId` so that importing the same file again adds nothing.

/** Who wrote an item, as the file says (an IRI or account id, and a display name). */
export interface ImportedAgent {
  /** An IRI (W3C) or "acct:name@host" (Hypothesis); null when the file gives none. */
  id: string | null;
  name: string | null;
}

/** A reply, in its thread's order (creation time). */
export interface ImportedReply {
  /** 1-based position of the item in the file, for the import report. */
  item: number;
  /** The reply's id in the file (an IRI, or Hypothesis's annotation URL). */
  externalId: string;
  /** The item it answers: the thread's annotation or another reply (our threads are flat). */
  inReplyTo: string;
  /** Null when the reply has no text (a tombstone). */
  body: CommentBody | null;
  creator: ImportedAgent | null;
  created: Date | null;
  modified: Date | null;
}

/** An annotation on a passage, with its thread's replies. */
export interface ImportedAnnotation {
  item: number;
  externalId: string;
  /** The document the file says it annotates (an IRI or URL); the API may warn when it is not the text. */
  source: string | null;
  /** The passage: always present (an item without a quote cannot be placed). */
  quote: QuoteSelector;
  /**
   * Where the passage was, in code points (W3C files). Null when the file had none, or its
   * offsets are in another unit or of another text (Hypothesis: see there). Counted in whatever
   * `source` is: a hint worth keeping when that is one of our texts (our own export), better
   * dropped when another tool counted in its own rendering of the document.
   */
  position: PositionSelector | null;
  /** Null for a highlight without comment, or a tombstone. */
  body: CommentBody | null;
  isQuestion: boolean;
  /** Who may see it, when the file says; null leaves it to the API (the course's default). */
  visibility: Visibility | null;
  /** Normalised, valid, at most ten (the rest is reported as a warning). */
  tags: string[];
  creator: ImportedAgent | null;
  created: Date | null;
  modified: Date | null;
  replies: ImportedReply[];
}

/** A moderation decision on an imported annotation or reply (W3C `moderating`). */
export interface ImportedModeration {
  item: number;
  externalId: string;
  /** The `externalId` of the annotation or reply it is about. */
  subject: string;
  decision: ModerationDecision;
  reason: string;
  creator: ImportedAgent | null;
  created: Date | null;
}

/** A parsed file: what to store, and what was left out or changed (for the report). */
export interface ImportBatch {
  format: "w3c" | "hypothesis";
  annotations: ImportedAnnotation[];
  moderations: ImportedModeration[];
  /** Items skipped or altered, each with its reason; the file was still accepted. */
  warnings: ImportProblem[];
}

/** A parsed file, or why it is refused (every problem found, in file order). */
export type ImportResult =
  | { ok: true; batch: ImportBatch }
  | { ok: false; problems: ImportProblem[] };
