import {
  type ImportBatch,
  type ImportProblem,
  parseAnnotationImport,
} from "@hashiya/annotation-schema/w3c";
import type { Db } from "@hashiya/db";
import { PreparedText } from "@hashiya/text-model";
import type { Actor } from "../policies";
import { anchorImported } from "./anchoring";
import type { ImportReport, ProgressListener } from "./report";
import { type ImportTarget, importTarget } from "./scope";
import { writeImport } from "./write";

// An import's steps: parse (annotation-schema's pure parser) → re-anchor in the text as it is
// now (text-model, anchoring.ts) → write in one transaction (write.ts).

export interface ImportOptions {
  /** This site's base URL (our user IRIs live under it: see creators.ts). */
  siteBase: string;
  onProgress?: ProgressListener;
}

type ImportTargetAllowed = Extract<ImportTarget, { ok: true }>;

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  /** The file is refused: every problem, each a sentence (both languages) naming the item. */
  | { ok: false; problems: ImportProblem[] };

/** Imports a file's text into a text the target check allowed (see `importTarget`). */
export async function importFile(
  db: Db,
  target: ImportTargetAllowed,
  file: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const parsed = parseAnnotationImport(file);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, report: await importBatch(db, target, parsed.batch, options) };
}

/** Anchors and stores a parsed file; throws the app's errors (text changed, course archived). */
export async function importBatch(
  db: Db,
  target: ImportTargetAllowed,
  batch: ImportBatch,
  options: ImportOptions,
): Promise<ImportReport> {
  const { onProgress } = options;
  await onProgress?.({
    stage: "parsed",
    annotations: batch.annotations.length,
    replies: batch.annotations.reduce((n, a) => n + a.replies.length, 0),
    moderations: batch.moderations.length,
  });
  const text = await db.text.findUniqueOrThrow({
    where: { id: target.textId },
    select: { body: true, version: true },
  });
  const prepared = new PreparedText(text.body);
  const anchors = await anchorImported(prepared, batch.annotations, onProgress);
  const counts = await writeImport(
    db,
    {
      textId: target.textId,
      textVersion: text.version,
      prepared,
      batch,
      anchors,
      importer: target.importer,
      siteBase: options.siteBase,
    },
    onProgress,
  );
  return { format: batch.format, ...counts, warnings: batch.warnings };
}

/** Checks the actor may import into the text, then imports (for tests and server code). */
export async function importAnnotations(
  db: Db,
  actor: Actor,
  textId: string,
  file: string,
  options: ImportOptions,
) {
  const target = await importTarget(db, actor, textId);
  if (!target.ok) return target;
  return importFile(db, target, file, options);
}
