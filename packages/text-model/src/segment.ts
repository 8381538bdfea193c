import { OffsetMap } from "./offsets";
import type { TextRange } from "./search";

/** A word or sentence of a text, in code points, with its text. */
export interface Segment extends TextRange {
  text: string;
}

const wordSegmenter = new Intl.Segmenter("ar", { granularity: "word" });
const sentenceSegmenter = new Intl.Segmenter("ar", { granularity: "sentence" });

// Bidi controls are "Format" to UAX #29 and glue words together ("و\u202Eabc" is one word):
// they are treated as separators here, so a Trojan-source control never joins two words.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const bidiControlsGlobal = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/** Something a reader would call a word: a letter or digit (tatweel alone is not one). */
const wordContent = /[\p{L}\p{N}]/u;
const onlyTatweel = /^[\u0640\p{M}\u200c\u200d]+$/u;
/** Abbreviations that end in a full stop without ending the sentence (Dr., Prof., p., vol.). */
const abbreviation =
  /(?:^|[\s(«"])(?:د|أ|أ\.د|ص|ج|ط|ت|Dr|Prof|Mr|Mrs|Ms|St|vs|etc|e\.g|i\.e|p|pp|vol)\.\s*$/u;

/**
 * Words of a text (letters or digits; punctuation, spaces and tatweel-only runs left out), via
 * `Intl.Segmenter`, with bidi controls acting as separators and trimmed off words.
 * Offsets are code points.
 */
export function segmentWords(text: string): Segment[] {
  const offsets = new OffsetMap(text);
  const words: Segment[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike && !bidiControls.test(segment)) continue;
    let from = index;
    for (const part of segment.split(bidiControlsGlobal)) {
      const at = text.indexOf(part, from);
      from = at + part.length;
      if (part === "" || !wordContent.test(part) || onlyTatweel.test(part)) continue;
      words.push({
        start: offsets.fromUtf16(at),
        end: offsets.fromUtf16(at + part.length),
        text: part,
      });
    }
  }
  return words;
}

/**
 * Sentences of a text via `Intl.Segmenter` (which ends sentences at . ! ? ؟ ۔ and at line
 * breaks), fixed up for what ICU gets wrong in Arabic prose: no break after common
 * abbreviations ("د." before a name), and no sentence of only punctuation or spaces (a stray
 * closing quote joins the sentence before). Ranges exclude surrounding whitespace; a sentence
 * never crosses a block boundary (`\n`). Offsets are code points.
 */
export function segmentSentences(text: string): Segment[] {
  const spans: Array<[number, number]> = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const last = spans[spans.length - 1];
    const previous = last ? text.slice(last[0], last[1]) : "";
    const joinsPrevious =
      last !== undefined &&
      !previous.includes("\n") &&
      (abbreviation.test(previous) || !wordContent.test(segment));
    if (joinsPrevious) last[1] = index + segment.length;
    else spans.push([index, index + segment.length]);
  }
  const offsets = new OffsetMap(text);
  const sentences: Segment[] = [];
  for (const [s, e] of spans) {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === "") continue;
    const start = s + lead;
    sentences.push({
      start: offsets.fromUtf16(start),
      end: offsets.fromUtf16(start + body.length),
      text: body,
    });
  }
  return sentences;
}
