import { overlapLayers } from "./overlaps";
import type { TextRanges, TextSpan } from "./ranges";

/**
 * The reader's highlights, painted with the CSS Custom Highlight API: Ranges over the text's
 * unchanged text nodes, so no element is ever inserted into the text and Arabic letters stay
 * joined across a highlight's edge (DESIGN.md decision 5). Colours live in globals.css under
 * `::highlight(<name>)`.
 */
export const HIGHLIGHT = {
  /** Threads, one layer per overlap depth (the third also takes deeper overlaps). */
  depth: ["hashiya-depth-1", "hashiya-depth-2", "hashiya-depth-3"],
  /** The selection being annotated, while focus is in the composer. */
  pending: "hashiya-pending",
  /** The thread the reader is looking at. */
  active: "hashiya-active",
  /** Search hits, exactly as the search matched them. */
  search: "hashiya-search",
} as const;

// Above other readers' selections (presence paints at -1), the active thread above the rest.
const PRIORITIES: Record<string, number> = {
  [HIGHLIGHT.depth[0]]: 1,
  [HIGHLIGHT.depth[1]]: 2,
  [HIGHLIGHT.depth[2]]: 3,
  [HIGHLIGHT.pending]: 4,
  [HIGHLIGHT.active]: 5,
  [HIGHLIGHT.search]: 6,
};

export interface HighlightInput {
  threads: readonly TextSpan[];
  active: readonly TextSpan[];
  pending: TextSpan | null;
  search: readonly TextSpan[];
}

export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

/** The registry's Highlight for a name, made once: repainting reuses it (no flicker). */
function highlightFor(name: string): Highlight {
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = PRIORITIES[name] ?? 0;
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

function fill(name: string, ranges: TextRanges, spans: readonly TextSpan[]): void {
  const highlight = highlightFor(name);
  highlight.clear();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const range = ranges.toRange(span);
    if (range) highlight.add(range);
  }
}

/** Replaces everything the reader paints. Browsers without the API simply show no colours. */
export function paintHighlights(ranges: TextRanges, input: HighlightInput): void {
  if (!highlightsSupported()) return;
  const byDepth: TextSpan[][] = [[], [], []];
  for (const layer of overlapLayers(input.threads)) {
    byDepth[Math.min(layer.depth, 3) - 1]!.push(layer);
  }
  HIGHLIGHT.depth.forEach((name, i) => {
    fill(name, ranges, byDepth[i]!);
  });
  fill(HIGHLIGHT.active, ranges, input.active);
  fill(HIGHLIGHT.pending, ranges, input.pending ? [input.pending] : []);
  fill(HIGHLIGHT.search, ranges, input.search);
  // For the cold-open benchmark (bench/reader-cold-open.ts) and profiling: when the threads
  // were last painted, and how many.
  performance.mark("hashiya:highlights-painted", { detail: { threads: input.threads.length } });
}

/** Removes the reader's highlights (the page is leaving). */
export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of Object.keys(PRIORITIES)) CSS.highlights.delete(name);
}
