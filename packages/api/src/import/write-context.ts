import type { CommentBody } from "@hashiya/annotation-schema";
import type { ImportedAgent } from "@hashiya/annotation-schema/w3c";
import type { ModerationState, Visibility } from "@hashiya/db";
import type { LockedText, Tx } from "../commands/transaction";
import type { EventDraft } from "../live/log";
import type { Attribution } from "./creators";
import type { ModeratedSubject } from "./moderation";
import type { ImportReport } from "./report";

// What the steps of the import's transaction share (write.ts runs them in order).

export const ROWS_PER_INSERT = 1_000;
export const IDS_PER_QUERY = 5_000;

/** The lists in slices of `size`. */
export const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let k = 0; k < list.length; k += size) out.push(list.slice(k, k + size));
  return out;
};

/** A thread the import writes replies and events about. */
export interface ThreadRef {
  id: string;
  authorId: string;
  visibility: Visibility;
  moderationState: ModerationState;
}

export type Counts = Omit<ImportReport, "format" | "warnings">;

export interface WriteContext {
  tx: Tx;
  text: LockedText;
  now: Date;
  attribute: (agent: ImportedAgent | null) => Attribution;
  /** A comment as stored: mentions of non-members made plain text. */
  bodyOf: (body: CommentBody | null) => CommentBody | null;
  counts: Counts;
  /** Threads by the file's id: those the text already had, then those added. */
  threads: Map<string, ThreadRef>;
  /** Items this import adds, by the file's id (what its moderation decisions may act on). */
  subjects: Map<string, ModeratedSubject>;
  events: EventDraft[];
  /** Advances the "writing" progress by `n` items. */
  progress: (n: number) => Promise<void>;
}
