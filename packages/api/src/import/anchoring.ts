import type { ImportedAnnotation } from "@hashiya/annotation-schema/w3c";
import {
  type AnchorResult,
  anchorMany,
  type PreparedText,
  type TextSelector,
} from "@hashiya/text-model";
import type { ProgressListener } from "./report";

// Re-anchoring the file's annotations in the text as it is now (text-model's `anchorMany`).
// Done in slices of the annotations in stored-position order, so that a long import reports
// progress between slices (and lets the event loop send it). `anchorMany` follows the text's
// shift within a slice and starts each slice afresh: its first annotation is looked for at its
// stored position, then in the whole text, so it is found all the same.

const SLICE = 500;

/** The selectors to anchor an imported annotation with: its quote, and its position if trusted. */
function selectorsOf(annotation: ImportedAnnotation): TextSelector[] {
  return annotation.position ? [annotation.quote, annotation.position] : [annotation.quote];
}

/** Where each annotation lands, in the order given, reporting `anchoring` progress. */
export async function anchorImported(
  text: PreparedText,
  annotations: readonly ImportedAnnotation[],
  onProgress?: ProgressListener,
): Promise<AnchorResult[]> {
  const order = annotations.map((_, k) => k);
  const startOf = (k: number) => annotations[k]!.position?.start ?? -1;
  order.sort((a, b) => startOf(a) - startOf(b));
  const results: AnchorResult[] = new Array(annotations.length);
  const total = annotations.length;
  for (let from = 0; from < total; from += SLICE) {
    const slice = order.slice(from, from + SLICE);
    const anchored = anchorMany(
      text,
      slice.map((k) => selectorsOf(annotations[k]!)),
    );
    slice.forEach((k, i) => {
      results[k] = anchored[i]!;
    });
    await onProgress?.({ stage: "anchoring", done: Math.min(from + SLICE, total), total });
    // Let a streaming response write the line before the next slice.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (total === 0) await onProgress?.({ stage: "anchoring", done: 0, total: 0 });
  return results;
}
