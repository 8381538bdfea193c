import {
  type FoldedText,
  type NormaliseOptions,
  foldString,
  foldWithMap,
} from "./normalise-arabic";
import { OffsetMap } from "./offsets";

/** A half-open range `[start, end)` of code points in a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Searches one text many times; the text is folded once. */
export interface Searcher {
  /** Non-overlapping hits of `query`, in original code points, in text order. */
  search(query: string): TextRange[];
}

/**
 * Prepares Arabic-aware search over `text` (see {@link normaliseForSearch} for the folding).
 * Hits are reported in the original text's code points and cover the matched letters with
 * their tashkeel.
 */
export function createSearcher(text: string, options: NormaliseOptions = {}): Searcher {
  const folded = foldWithMap(text, options);
  const offsets = new OffsetMap(text);
  return {
    search(query) {
      const needle = foldString(query.normalize("NFC"), options).trim();
      if (needle === "") return [];
      return findAll(folded, needle).map(([s, e]) => ({
        start: offsets.fromUtf16(folded.start[s]!),
        end: offsets.fromUtf16(folded.end[e - 1]!),
      }));
    },
  };
}

/** One-shot Arabic-aware search: non-overlapping hits of `query` in `text`, in code points. */
export function searchText(
  text: string,
  query: string,
  options: NormaliseOptions = {},
): TextRange[] {
  return createSearcher(text, options).search(query);
}

function findAll(folded: FoldedText, needle: string): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  for (
    let i = folded.text.indexOf(needle);
    i !== -1;
    i = folded.text.indexOf(needle, i + needle.length)
  ) {
    hits.push([i, i + needle.length]);
  }
  return hits;
}
