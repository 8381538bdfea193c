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
 * (`ambiguous`). Returns code-point offsets of the canonical text, widened to whole grapheme
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
 * form, grapheme boundaries). Results are in the order of `selectorSets`.
 */
export function anchorMany(
  text: string | PreparedText,
  selectorSets: readonly (readonly TextSelector[])[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const anchorer = new Anchorer(prepareText(text), options);
  // In position order, each anchor tells how far the text has shifted there (insertions and
  // deletions before it); the next one is searched for at its stored position plus that shift.
  const order = selectorSets.map((_, k) => k);
  const startOf = (k: number) => selectorSets[k]!.find(isPosition)?.start ?? -1;
  order.sort((a, b) => startOf(a) - startOf(b));
  const results: AnchorResult[] = new Array(selectorSets.length);
  let shift = 0;
  for (const k of order) {
    const result = anchorer.anchor(selectorSets[k]!, shift);
    const start = startOf(k);
    if (result.state !== "orphaned" && start >= 0) shift = result.start - start;
    results[k] = result;
  }
  return results;
}
