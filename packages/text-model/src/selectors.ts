import { TextModelError } from "./errors";
import { type PreparedText, backCodePoints, forwardCodePoints, prepareText } from "./prepared-text";
import type { TextRange } from "./search";

/** W3C Web Annotation `TextQuoteSelector`: the quoted text with some text either side. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** W3C Web Annotation `TextPositionSelector`, in code points of the canonical text. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** The selectors this package reads and writes. */
export type TextSelector = TextQuoteSelector | TextPositionSelector;

/** Code points of context stored either side of a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** What to do with a range that cuts a grapheme cluster (a surrogate pair, a letter and its marks). */
export type GraphemePolicy = "snap" | "refuse";

export interface DescribeOptions {
  /** `snap` (default) widens the range to whole grapheme clusters; `refuse` throws. */
  graphemes?: GraphemePolicy;
}

/** A described range: the range actually used (after snapping) and its two selectors. */
export interface RangeDescription extends TextRange {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** `[quote, position]`, ready to store. */
  selectors: [TextQuoteSelector, TextPositionSelector];
}

/**
 * Describes a code-point range of a canonical text as a `TextQuoteSelector` (with 32 code
 * points of prefix/suffix, fewer at the text's ends) and a `TextPositionSelector`.
 * Refuses (TextModelError) non-integers, start > end, empty ranges and ranges past the end;
 * a range cutting a grapheme cluster is widened to whole clusters or refused, per `options`.
 */
export function describeRange(
  text: string | PreparedText,
  range: TextRange,
  options: DescribeOptions = {},
): RangeDescription {
  const prepared = prepareText(text);
  const { start, end } = checkRange(range, prepared.offsets.length);
  let u16Start = prepared.offsets.toUtf16(start);
  let u16End = prepared.offsets.toUtf16(end);
  const whole = prepared.graphemes.isBoundary(u16Start) && prepared.graphemes.isBoundary(u16End);
  if (!whole) {
    if (options.graphemes === "refuse")
      throw new TextModelError("range.splits_grapheme", { start, end });
    u16Start = prepared.graphemes.before(u16Start);
    u16End = prepared.graphemes.after(u16End);
  }
  const s = prepared.text;
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: s.slice(u16Start, u16End),
    prefix: s.slice(backCodePoints(s, u16Start, QUOTE_CONTEXT_LENGTH), u16Start),
    suffix: s.slice(u16End, forwardCodePoints(s, u16End, QUOTE_CONTEXT_LENGTH)),
  };
  const snappedStart = whole ? start : prepared.offsets.fromUtf16(u16Start);
  const snappedEnd = whole ? end : prepared.offsets.fromUtf16(u16End);
  const position: TextPositionSelector = {
    type: "TextPositionSelector",
    start: snappedStart,
    end: snappedEnd,
  };
  return { start: snappedStart, end: snappedEnd, quote, position, selectors: [quote, position] };
}

/** Validates a code-point range against a text length; returns it unchanged. */
export function checkRange(range: TextRange, length: number): TextRange {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) {
    throw new TextModelError("range.not_integer", { start, end });
  }
  if (start > end) throw new TextModelError("range.inverted", { start, end });
  if (end > length) throw new TextModelError("range.out_of_bounds", { start, end, length });
  if (start === end) throw new TextModelError("range.empty", { start, end });
  return range;
}
