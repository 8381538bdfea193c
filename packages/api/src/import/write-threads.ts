import { bodyToPlainText } from "@hashiya/annotation-schema";
import type { ImportedAnnotation } from "@hashiya/annotation-schema/w3c";
import { type AnchorResult, describeRange, type PreparedText } from "@hashiya/text-model";
import { newId } from "../row-id";
import { type AnnotationRow, insertAnnotations, insertTags } from "./bulk-insert";
import { chunks, ROWS_PER_INSERT, type WriteContext } from "./write-context";

// The file's new annotations as threads (with their tags), a thousand per statement, each
// counted in the report by where it landed.

/** The annotation's stored passage: described in the text now, or its quote when orphaned. */
function passageOf(prepared: PreparedText, source: ImportedAnnotation, anchor: AnchorResult) {
  if (anchor.state === "orphaned") {
    const selectors = source.position ? [source.quote, source.position] : [source.quote];
    return { selectors, quote: source.quote.exact, start: 0, end: 0, score: null };
  }
  const range = describeRange(prepared, anchor, { graphemes: "snap" });
  return {
    selectors: range.selectors,
    quote: range.quote.exact,
    start: range.start,
    end: range.end,
    score: anchor.state === "drifted" ? anchor.score : null,
  };
}

/** Inserts the new threads; records them in `ctx.threads` and `ctx.subjects`. */
export async function writeThreads(
  ctx: WriteContext,
  prepared: PreparedText,
  fresh: { source: ImportedAnnotation; anchor: AnchorResult }[],
): Promise<void> {
  const { tx, text, counts } = ctx;
  for (const group of chunks(fresh, ROWS_PER_INSERT)) {
    const rows: AnnotationRow[] = group.map(({ source, anchor }) => {
      const passage = passageOf(prepared, source, anchor);
      const where = { item: source.item, externalId: source.externalId, quote: passage.quote };
      if (anchor.state === "anchored") counts.anchored++;
      else if (anchor.state === "drifted") counts.drifted.push({ ...where, score: anchor.score });
      else counts.orphaned.push({ ...where, reason: anchor.reason });
      const who = ctx.attribute(source.creator);
      if (who.importedAuthorName !== null) counts.attributedToImporter++;
      const body = ctx.bodyOf(source.body);
      return {
        id: newId(),
        textId: text.id,
        authorId: who.authorId,
        importedAuthorName: who.importedAuthorName,
        externalId: source.externalId,
        textVersion: text.version,
        selectors: passage.selectors as object[],
        quote: passage.quote,
        start: passage.start,
        end: passage.end,
        anchorState: anchor.state,
        anchorScore: passage.score,
        body,
        bodyText: body ? bodyToPlainText(body) : "",
        isQuestion: source.isQuestion,
        visibility: source.visibility ?? "course",
        createdAt: source.created ?? ctx.now,
        editedAt: source.modified,
      };
    });
    await insertAnnotations(tx, rows);
    for (const row of rows) {
      ctx.threads.set(row.externalId, { ...row, moderationState: "visible" });
      ctx.subjects.set(row.externalId, {
        type: "annotation",
        id: row.id,
        state: "visible",
        reason: null,
        locked: false,
      });
    }
    const tags = group.flatMap(({ source }) =>
      source.tags.map((name) => ({ annotationId: ctx.threads.get(source.externalId)!.id, name })),
    );
    await insertTags(tx, tags);
    counts.tags += tags.length;
    await ctx.progress(group.length);
  }
}
