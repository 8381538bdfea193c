import { type Db, Prisma } from "@hashiya/db";
import { codePointLength } from "@hashiya/text-model";
import { annotationCounts, notStaff } from "./counting";

/** A stretch of the text [start, end) (code points) and how many annotations cover it. */
export interface DensityCell {
  index: number;
  start: number;
  end: number;
  /** Counted student annotations whose passage overlaps this stretch. */
  annotations: number;
}

export interface Heatmap {
  /** The text's length in code points. */
  length: number;
  /** One cell per block (paragraph), in order. */
  blocks: DensityCell[];
  /** Equal stretches of the text, finer than paragraphs. */
  buckets: DensityCell[];
  /** Counted student annotations placed on the text (orphans have no place: `orphaned`). */
  annotations: number;
  orphaned: number;
}

/** The blocks' code-point ranges in the canonical string (the blocks joined by "\n"). */
export function blockRanges(blocks: readonly { text: string }[]): { start: number; end: number }[] {
  let start = 0;
  return blocks.map((block) => {
    const end = start + codePointLength(block.text);
    const range = { start, end };
    start = end + 1;
    return range;
  });
}

/**
 * Annotation density over a text, per block and per bucket of `bucketWidth` code points.
 * Each annotation is spread over the cells its passage overlaps, in SQL (`generate_series`
 * over the cells of one annotation, then a GROUP BY): the work grows with the annotations,
 * not with annotations × cells, and no body is read.
 */
export async function heatmap(
  db: Pick<Db, "$queryRaw">,
  text: { id: string; courseId: string; blocks: readonly { text: string }[] },
  bucketCount: number,
): Promise<Heatmap> {
  const blocks = blockRanges(text.blocks);
  const length = blocks.at(-1)?.end ?? 0;
  const width = Math.max(1, Math.ceil(length / bucketCount));
  const starts = blocks.map((block) => block.start);

  const rows = await db.$queryRaw<{ grain: string; cell: number; n: number }[]>`
    WITH placed AS (
      SELECT a.start, a."end", a.anchor_state
      FROM annotations a
      WHERE a.text_id = ${text.id} AND ${annotationCounts}
        AND ${notStaff(text.courseId, Prisma.sql`a.author_id`)}
    ),
    anchored AS (
      SELECT start, greatest("end" - 1, start) AS last FROM placed
      WHERE anchor_state <> 'orphaned'
    )
    SELECT 'bucket' AS grain, g AS cell, count(*)::int AS n
    FROM anchored, generate_series(start / ${width}::int, last / ${width}::int) g
    GROUP BY g
    UNION ALL
    -- width_bucket over the blocks' starts gives the (1-based) block holding a position.
    SELECT 'block', g - 1, count(*)::int
    FROM anchored,
         generate_series(width_bucket(start, ${starts}::int[]), width_bucket(last, ${starts}::int[])) g
    GROUP BY g
    UNION ALL
    SELECT 'total', 0, count(*)::int FROM anchored
    UNION ALL
    SELECT 'orphaned', 0, count(*)::int FROM placed WHERE anchor_state = 'orphaned'`;

  const counts = { block: new Map<number, number>(), bucket: new Map<number, number>() };
  let annotations = 0;
  let orphaned = 0;
  for (const row of rows) {
    if (row.grain === "total") annotations = row.n;
    else if (row.grain === "orphaned") orphaned = row.n;
    else counts[row.grain as "block" | "bucket"].set(row.cell, row.n);
  }
  const bucketTotal = length === 0 ? 0 : Math.ceil(length / width);
  return {
    length,
    blocks: blocks.map((block, index) => ({
      index,
      ...block,
      annotations: counts.block.get(index) ?? 0,
    })),
    buckets: Array.from({ length: bucketTotal }, (_, index) => ({
      index,
      start: index * width,
      end: Math.min(length, (index + 1) * width),
      annotations: counts.bucket.get(index) ?? 0,
    })),
    annotations,
    orphaned,
  };
}
