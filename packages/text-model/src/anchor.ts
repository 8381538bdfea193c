import { Anchorer, isPosition } from "./anchorer";
import { type PreparedText, prepareText } from "./prepared-text";
import type { TextSelector } from "./selectors";

/**
 * Where an annotation landed.
 * - `anchored`: the stored quote is there. `via: "position" | "quote"`: the range holds exactly
 *   the stored quote; `via: "normalised"`: it differs only by what search normalisation ignores
 *   (tashkeel, tatweel, alef/ya/hamza forms, ZWJ/ZWNJ, bidi controls, digits' script), so a
 *   text that merely gained or lost vowels does not flood anyone's review list.
 * - `drifted`: the quote itself was found approximately, with a confidence `score` in [0, 1],
 *   for a review list.
 * - `orphaned`: not found with enough confidence (`not_found`), or found in several places that
 *   neither the context nor the position tells apart (`ambiguous`). Kept, never guessed.
 */
export type AnchorResult =
  | {
      state: "anchored";
      start: number;
      end: number;
      score: 1;
      via: "position" | "quote" | "normalised";
    }
  | { state: "drifted"; start: number; end: number; score: number; via: "fuzzy" }
  | { state: "orphaned"; reason: "not_found" | "ambiguous" | "no_selector" };

/** Tuning of the anchoring steps; the defaults are what the evaluation was run with. */
export interface AnchorOptions {
  /** Most edits allowed in a fuzzy match, as a share of the quote's length. Default 0.25. */
  maxErrorRate?: number;
  /** Half-width, in UTF-16 units, of the window searched first around the expected position. */
  window?: number;
}

/**
 * Anchors stored selectors in a (possibly edited) canonical text. Steps, cheapest first:
 * 1. the position, verified by the quote (and not contradicted by the context);
 * 2. the exact quote, the occurrence chosen by prefix/suffix, then by nearness to the position;
 * 3. the same in the Arabic-normalised text (`anchored`, `via: "normalised"`);
 * 4. an approximate match of the normalised quote with at most `maxErrorRate` edits, accepted
 *    only when its context agrees or the quote is long (`drifted`).
 * Steps 2–4 look near the expected position first, then in the whole text. When several places
 * fit equally well and the position does not clearly pick one, the result is orphaned
 * (`ambiguous`); far from the expected position, being less far than a look-alike is no
 * evidence. Once the quote is known to be in several far places alike, a fuzzy match at the
 * expected place (the passage edited where it stood) is still taken (`drifted`). Returns code-point offsets of the canonical text, widened to whole grapheme
 * clusters. Never throws on odd selectors: they orphan.
 */
export function anchor(
  text: string | PreparedText,
  selectors: readonly TextSelector[],
  options: AnchorOptions = {},
): AnchorResult {
  return new Anchorer(prepareText(text), options).anchor(selectors);
}

/**
 * Anchors many selector sets in one text, sharing one index of it (offset maps, normalised
 * form, grapheme boundaries), each expected where the text's shift at the annotations before it
 * puts it; after a jump of that shift (a moved or deleted block) the old shift is tried too,
 * until an annotation tells which holds. Results are in the order of `selectorSets`.
 */
export function anchorMany(
  text: string | PreparedText,
  selectorSets: readonly (readonly TextSelector[])[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const anchorer = new Anchorer(prepareText(text), options);
  // In position order, each anchor tells how far the text has shifted there (insertions and
  // deletions before it); the next one is searched for at its stored position plus that shift.
  // Each set's stored start looked up once, not in every comparison of the sort.
  const starts = new Float64Array(selectorSets.length);
  for (let k = 0; k < selectorSets.length; k++)
    starts[k] = selectorSets[k]!.find(isPosition)?.start ?? -1;
  const order = selectorSets.map((_, k) => k);
  order.sort((a, b) => starts[a]! - starts[b]!);
  const results: AnchorResult[] = new Array(selectorSets.length);
  const cursor = new ShiftCursor(anchorer.window);
  for (const k of order) {
    const selectors = selectorSets[k]!;
    const start = starts[k]!;
    let result = anchorer.anchor(selectors, cursor.shift);
    if (start < 0) {
      results[k] = result;
      continue;
    }
    // An anchored result can only be contradicted by another anchored one (see `settle`): the
    // old shift's approximate steps could not change it, so they are skipped.
    if (cursor.previous !== null)
      result = cursor.settle(
        result,
        anchorer.anchor(selectors, cursor.previous, result.state === "anchored"),
      );
    if (result.state !== "orphaned") cursor.moveTo(result.start - start, start);
    results[k] = result;
  }
  return results;
}

/**
 * The shift `anchorMany` expects at the next stored position. A change larger than the search
 * window is either a new stretch of text (a big insertion or deletion: it holds from here on)
 * or a block moved away (it holds only inside the block; the old shift resumes after it), or a
 * look-alike of a deleted passage. Until the text tells them apart, both shifts are tried: one
 * finding the passage more surely than the other wins; equally good different places (a passage
 * repeated in the text) orphan the annotation as ambiguous rather than a guess. The old shift is
 * dropped when the text returns to it, or when the new one has held over two windows of text.
 */
class ShiftCursor {
  shift = 0;
  /** The shift before an unsettled jump, still tried; null when there is none. */
  previous: number | null = null;
  /** Stored position where the unsettled jump happened. */
  private jumpedAt = 0;

  constructor(private readonly jump: number) {}

  /** The result to keep of those found from the current and the previous shift. */
  settle(current: AnchorResult, other: AnchorResult): AnchorResult {
    const same =
      current.state !== "orphaned" &&
      other.state !== "orphaned" &&
      current.start === other.start &&
      current.end === other.end;
    const diff = rank(current) - rank(other);
    if (same || diff > 0) return current;
    if (diff < 0) return other;
    return current.state === "orphaned" ? current : { state: "orphaned", reason: "ambiguous" };
  }

  /** Records the shift found at stored position `at`. */
  moveTo(shift: number, at: number): void {
    if (this.previous !== null && Math.abs(shift - this.previous) <= this.jump) {
      // Back to the shift before the jump: the moved block (or the look-alike) has ended.
      this.previous = null;
    } else if (Math.abs(shift - this.shift) > this.jump) {
      this.previous = this.shift;
      this.jumpedAt = at;
    } else if (this.previous !== null && at - this.jumpedAt > 2 * this.jump) {
      // The new shift has held too long for a moved block: the text is that way from here on.
      this.previous = null;
    }
    this.shift = shift;
  }
}

/** How sure a result is: anchored over drifted over orphaned, then by score. */
function rank(r: AnchorResult): number {
  if (r.state === "orphaned") return 0;
  return (r.state === "anchored" ? 2 : 1) + r.score;
}
