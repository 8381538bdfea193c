import type { ImportProblem } from "@hashiya/annotation-schema/w3c";

// What an import tells its caller: progress while it runs, and the report at the end.

/** An annotation the anchorer could not place: kept (orphaned), listed with its quote. */
export interface OrphanEntry {
  /** 1-based item number in the file. */
  item: number;
  externalId: string;
  quote: string;
  reason: "not_found" | "ambiguous" | "no_selector";
}

/** An annotation placed approximately (for review), with the anchorer's confidence. */
export interface DriftEntry {
  item: number;
  externalId: string;
  quote: string;
  score: number;
}

/** The outcome of one import, counted over what this import added (not what it skipped). */
export interface ImportReport {
  format: "w3c" | "hypothesis";
  anchored: number;
  drifted: DriftEntry[];
  orphaned: OrphanEntry[];
  /** Annotations and replies of the file already in the text from an earlier import. */
  skippedDuplicates: { annotations: number; replies: number };
  /** Replies added. */
  replies: number;
  /** Tags added (counted per annotation). */
  tags: number;
  /** Moderation decisions replayed on added items, and those that did not apply. */
  moderation: { applied: number; skipped: number };
  /** Annotations and replies whose writer was not matched to a member: the importer stands in. */
  attributedToImporter: number;
  /** Items the parser left out or changed (the file was accepted). */
  warnings: ImportProblem[];
}

/** One step of a running import, for a progress bar. */
export type ImportProgress =
  | { stage: "parsed"; annotations: number; replies: number; moderations: number }
  | { stage: "anchoring"; done: number; total: number }
  | { stage: "writing"; done: number; total: number };

export type ProgressListener = (progress: ImportProgress) => void | Promise<void>;
