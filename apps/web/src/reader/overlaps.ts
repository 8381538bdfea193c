import type { TextSpan } from "./ranges";

/** A stretch of text covered by `depth` highlighted passages. */
export interface Layer extends TextSpan {
  depth: number;
}

/** Overlapping passages read as one place in the text; the badge counts its threads. */
export interface Passage<T> extends TextSpan {
  items: T[];
}

/**
 * Cuts the spans into stretches of equal overlap depth (a sweep over the boundaries). Each
 * stretch is painted once, in the layer for its depth, so two threads over the same words
 * read darker than one instead of blending unpredictably. Empty spans are ignored.
 */
export function overlapLayers(spans: readonly TextSpan[]): Layer[] {
  const edges: Array<[offset: number, delta: number]> = [];
  for (const { start, end } of spans) {
    if (end <= start) continue;
    edges.push([start, 1], [end, -1]);
  }
  // At one offset, closings first: touching passages do not count as overlapping.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const layers: Layer[] = [];
  let depth = 0;
  let from = 0;
  for (const [offset, delta] of edges) {
    if (depth > 0 && offset > from) {
      const last = layers[layers.length - 1];
      if (last && last.end === from && last.depth === depth) last.end = offset;
      else layers.push({ start: from, end: offset, depth });
    }
    depth += delta;
    from = offset;
  }
  return layers;
}

/**
 * Groups items whose spans overlap (transitively) into passages, in text order. Items that
 * merely touch stay apart: two comments on neighbouring words are two places.
 */
export function groupPassages<T extends TextSpan>(items: readonly T[]): Passage<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const passages: Passage<T>[] = [];
  for (const item of sorted) {
    const last = passages[passages.length - 1];
    if (last && item.start < last.end) {
      last.items.push(item);
      last.end = Math.max(last.end, item.end);
    } else {
      passages.push({ start: item.start, end: Math.max(item.start, item.end), items: [item] });
    }
  }
  return passages;
}
