import { segmentSentences, segmentWords } from "@hashiya/text-model";
import type { TextSpan } from "./ranges";

export type Unit = "word" | "sentence" | "paragraph";

/** A selection in code points: `anchor` stays put, `focus` moves (either may come first). */
export interface Caret {
  anchor: number;
  focus: number;
}

/** Where each unit of a text begins and ends, sorted, for stepping through it. */
export interface UnitStops {
  starts: number[];
  ends: number[];
}

/** The stops of every unit of a canonical text, computed once per text. */
export function unitStops(text: string): Record<Unit, UnitStops> {
  const paragraphs: TextSpan[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const length = [...line].length;
    paragraphs.push({ start: at, end: at + length });
    at += length + 1;
  }
  return {
    word: stopsOf(segmentWords(text)),
    sentence: stopsOf(segmentSentences(text)),
    paragraph: stopsOf(paragraphs),
  };
}

function stopsOf(spans: readonly TextSpan[]): UnitStops {
  return {
    starts: spans.map((s) => s.start).sort((a, b) => a - b),
    ends: spans.map((s) => s.end).sort((a, b) => a - b),
  };
}

/**
 * One step of the keyboard caret, in the text's logical order. Moving lands on the start of
 * the next (or previous) unit, so that extending forward from there selects exactly that
 * word, sentence or paragraph; extending forward lands on a unit's end, backward on a start.
 */
export function step(
  caret: Caret,
  stops: UnitStops,
  options: { forward: boolean; extend: boolean; length: number },
): Caret {
  const { forward, extend, length } = options;
  const from = caret.focus;
  let to: number;
  if (!forward) to = lastBelow(stops.starts, from) ?? 0;
  else if (extend) to = firstAbove(stops.ends, from) ?? length;
  else to = firstAbove(stops.starts, from) ?? length;
  return extend ? { anchor: caret.anchor, focus: to } : { anchor: to, focus: to };
}

function firstAbove(sorted: readonly number[], value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

function lastBelow(sorted: readonly number[], value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

/**
 * The span to annotate for a selection: ordered, without the spaces a double-click or a
 * word step may bring along at its edges. Null when nothing but space is selected.
 */
export function trimmedSpan(text: string, caret: Caret): TextSpan | null {
  const points = [...text];
  let start = Math.min(caret.anchor, caret.focus);
  let end = Math.max(caret.anchor, caret.focus);
  while (start < end && /\s/u.test(points[start] ?? "")) start++;
  while (end > start && /\s/u.test(points[end - 1] ?? "")) end--;
  return end > start ? { start, end } : null;
}
