import { EncodedText } from "./approx-match";
import { GraphemeBoundaries } from "./graphemes";
import {
  type FoldedText,
  type NormaliseOptions,
  foldString,
  foldWithMap,
} from "./normalise-arabic";
import { OffsetMap } from "./offsets";

/**
 * A canonical text with the indexes that describing, anchoring and searching need, each built
 * once on first use. Pass one to {@link anchor} or {@link describeRange} when handling many
 * ranges of the same text.
 */
export class PreparedText {
  readonly text: string;
  readonly offsets: OffsetMap;
  readonly graphemes: GraphemeBoundaries;
  private foldedText: FoldedText | null = null;
  private encodedFolded: EncodedText | null = null;

  constructor(
    text: string,
    private readonly foldOptions: NormaliseOptions = {},
  ) {
    this.text = text;
    this.offsets = new OffsetMap(text);
    this.graphemes = new GraphemeBoundaries(text);
  }

  /** The search form of the text (see `normaliseForSearch`), in UTF-16 units. */
  get folded(): FoldedText {
    this.foldedText ??= foldWithMap(this.text, this.foldOptions);
    return this.foldedText;
  }

  /** The folded text encoded for approximate matching. */
  get foldedEncoded(): EncodedText {
    this.encodedFolded ??= new EncodedText(this.folded.text);
    return this.encodedFolded;
  }

  /** Folds a short string (a quote, a query) exactly as the text was folded. */
  fold(s: string): string {
    return foldString(s, this.foldOptions);
  }
}

/** Prepares `text` for repeated describe/anchor calls. */
export function prepareText(text: string | PreparedText): PreparedText {
  return typeof text === "string" ? new PreparedText(text) : text;
}

/** UTF-16 index `count` code points before `u16` (or 0). */
export function backCodePoints(text: string, u16: number, count: number): number {
  let i = u16;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) i--;
    }
  }
  return i;
}

/** UTF-16 index `count` code points after `u16` (or the end). */
export function forwardCodePoints(text: string, u16: number, count: number): number {
  let i = u16;
  for (let n = 0; n < count && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}
