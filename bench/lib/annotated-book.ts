// The anchoring benchmarks' input: a long Arabic book (lib/arabic-book.ts) with annotations on
// random passages of 1 to 8 words, described the way the app stores them (quote + position).
import {
  describeRange,
  type PreparedText,
  prepareText,
  type TextRange,
  type TextSelector,
} from "@hashiya/text-model";
import { arabicBook, seededRandom } from "./arabic-book";

export interface AnnotatedBook {
  paragraphs: string[];
  /** The canonical text: the paragraphs joined by "\n". */
  original: string;
  prepared: PreparedText;
  words: number;
  /** Where each annotation is in `original`, in code points. */
  ranges: TextRange[];
  /** Each annotation's stored selectors, `[quote, position]`. */
  selectorSets: TextSelector[][];
}

/** A book of at least `words` words with `annotations` annotations (seeded: same every run). */
export function annotatedBook(words: number, annotations: number, seed = 7): AnnotatedBook {
  const paragraphs = arabicBook(words);
  const original = paragraphs.join("\n");
  const prepared = prepareText(original);
  const found = [...original.matchAll(/\S+/g)];
  const random = seededRandom(seed);
  const ranges: TextRange[] = [];
  const selectorSets = Array.from({ length: annotations }, () => {
    const first = Math.floor(random() * (found.length - 12));
    const last = first + Math.floor(random() * 8);
    const start = prepared.offsets.fromUtf16(found[first]!.index);
    const end = prepared.offsets.fromUtf16(found[last]!.index + found[last]![0].length);
    const described = describeRange(prepared, { start, end });
    ranges.push({ start: described.start, end: described.end });
    return described.selectors;
  });
  return { paragraphs, original, prepared, words: found.length, ranges, selectorSets };
}

/** Vowels (fatha) on every letter followed by another letter: what an editor adding tashkeel does. */
export const tashkeel = (paragraph: string) =>
  paragraph.replace(/[\u0628-\u064a](?=[\u0621-\u064a])/g, (x) => `${x}\u064e`);

/** A paragraph the benchmarks insert near the start of the book. */
export const INSERTED_PARAGRAPH = "فقرة جديدة في أول الكتاب عن لينين و تروتسكي.";
