// Edits of a book that remember where every character went, so a benchmark can tell whether an
// annotation was put back on its own passage (the ground truth), on other text, or on nothing.
// Offsets are code points of the canonical text (the paragraphs joined by "\n").
import { seededRandom } from "./arabic-book";
import { INSERTED_PARAGRAPH, tashkeel as withTashkeel } from "./annotated-book";

/** A paragraph being edited: its code points, each with its index in the original (-1: new). */
export interface Piece {
  chars: string[];
  from: number[];
}

/** The edited text and the two maps between it and the original. */
export interface EditedBook {
  text: string;
  /** For each code point of the edited text, its index in the original; -1 where inserted. */
  origin: Int32Array;
  /** For each code point of the original, its index in the edited text; -1 where deleted. */
  moved: Int32Array;
  /** How many paragraphs each kind of edit touched. */
  counts: Record<string, number>;
}

const fresh = (text: string): Piece => {
  const chars = [...text];
  return { chars, from: chars.map(() => -1) };
};

/** Fatha after every letter followed by a letter (lib/annotated-book's `tashkeel`, per character). */
export function addTashkeel(piece: Piece): Piece {
  const out: Piece = { chars: [], from: [] };
  piece.chars.forEach((ch, i) => {
    out.chars.push(ch);
    out.from.push(piece.from[i]!);
    const next = piece.chars[i + 1];
    if (next !== undefined && withTashkeel(ch + next) !== ch + next) {
      out.chars.push("\u064e");
      out.from.push(-1);
    }
  });
  return out;
}

// Letters people confuse in Arabic: a typo fix turns one into the other.
const CONFUSED: Record<string, string> = {
  ه: "ة",
  ة: "ه",
  ى: "ي",
  ي: "ى",
  أ: "ا",
  ا: "أ",
  ض: "ظ",
  ظ: "ض",
  س: "ص",
  ص: "س",
  ت: "ط",
  ط: "ت",
};

/** Word spans [start, end) of a piece (runs of non-spaces). */
function words(piece: Piece): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  piece.chars.forEach((ch, i) => {
    const space = /\s/u.test(ch);
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      spans.push([start, i]);
      start = -1;
    }
  });
  if (start >= 0) spans.push([start, piece.chars.length]);
  return spans;
}

/** One letter changed in every fifth word of four letters or more (the letter keeps its place). */
export function fixTypos(piece: Piece): Piece {
  const out: Piece = { chars: [...piece.chars], from: [...piece.from] };
  words(piece).forEach(([start, end], w) => {
    if (w % 5 !== 2 || end - start < 4) return;
    for (let i = start + 1; i < end; i++) {
      const fixed = CONFUSED[out.chars[i]!];
      if (fixed) {
        out.chars[i] = fixed;
        return;
      }
    }
  });
  return out;
}

/** A phrase inserted between two words in the middle of the paragraph. */
export function insertPhrase(piece: Piece, phrase: string): Piece {
  const spans = words(piece);
  const at = spans[Math.floor(spans.length / 2)]?.[0] ?? 0;
  const inserted = fresh(`${phrase} `);
  return {
    chars: [...piece.chars.slice(0, at), ...inserted.chars, ...piece.chars.slice(at)],
    from: [...piece.from.slice(0, at), ...inserted.from, ...piece.from.slice(at)],
  };
}

/** `count` words deleted from the middle of the paragraph (with the space after them). */
export function deleteWords(piece: Piece, count: number): Piece {
  const spans = words(piece);
  const first = Math.floor(spans.length / 3);
  const last = Math.min(spans.length - 1, first + count - 1);
  if (spans.length < 3) return piece;
  const start = spans[first]![0];
  const end = spans[last + 1]?.[0] ?? spans[last]![1];
  return {
    chars: [...piece.chars.slice(0, start), ...piece.chars.slice(end)],
    from: [...piece.from.slice(0, start), ...piece.from.slice(end)],
  };
}

/** What happens to paragraph `k`: its pieces (none when deleted, two when one is inserted). */
export type ParagraphEdit = (piece: Piece, k: number) => Piece[];

/**
 * Applies `edit` to each paragraph, then moves each paragraph `moveBy(k)` names (a number of
 * paragraphs forward) to its new place, and joins the result by "\n".
 */
export function editBook(
  paragraphs: readonly string[],
  edit: ParagraphEdit,
  moveBy: (k: number) => number | null = () => null,
): Omit<EditedBook, "counts"> {
  let base = 0;
  const placed: { k: number; pieces: Piece[] }[] = paragraphs.map((paragraph, k) => {
    const chars = [...paragraph];
    const piece = { chars, from: chars.map((_, i) => base + i) };
    base += chars.length + 1;
    return { k, pieces: edit(piece, k) };
  });
  for (let k = 0; k < paragraphs.length; k++) {
    const by = moveBy(k);
    if (by === null) continue;
    const from = placed.findIndex((p) => p.k === k);
    const [entry] = placed.splice(from, 1);
    const after = placed.findIndex((p) => p.k === Math.min(k + by, paragraphs.length - 1));
    placed.splice(after < 0 ? placed.length : after + 1, 0, entry!);
  }
  const all = placed.flatMap((p) => p.pieces);
  const chars: string[] = [];
  const origin: number[] = [];
  all.forEach((piece, i) => {
    if (i > 0) {
      chars.push("\n");
      origin.push(-1);
    }
    chars.push(...piece.chars);
    origin.push(...piece.from);
  });
  const moved = new Int32Array(base).fill(-1);
  origin.forEach((o, i) => {
    if (o >= 0) moved[o] = i;
  });
  return { text: chars.join(""), origin: Int32Array.from(origin), moved };
}

/**
 * Benchmark P3's edits, all at once, spread through the book: a new paragraph near the start and
 * a phrase inserted into one paragraph in 15; one paragraph in 20 deleted and six words cut from
 * another one in 20; one in 25 moved 40 paragraphs further; tashkeel added to one in 10; typo
 * fixes (a confused letter corrected in every fifth word) in another one in 10. (The book repeats
 * the seed's nine paragraphs under new numbers: a move of 40 does not land a paragraph right
 * beside a copy of itself, which would make it the look-alike of the passages there.)
 */
export function p3Edits(paragraphs: readonly string[]): EditedBook {
  const counts: Record<string, number> = {
    "paragraphs inserted": 1,
    "phrases inserted": 0,
    "paragraphs deleted": 0,
    "passages of 6 words deleted": 0,
    "paragraphs moved": 0,
    "paragraphs given tashkeel": 0,
    "paragraphs with typo fixes": 0,
  };
  const count = (kind: string) => {
    counts[kind]!++;
  };
  const random = seededRandom(11);
  const edited = editBook(
    paragraphs,
    (piece, k) => {
      if (k % 20 === 7) {
        count("paragraphs deleted");
        return [];
      }
      let p = piece;
      if (k % 20 === 12) {
        count("passages of 6 words deleted");
        p = deleteWords(p, 6);
      }
      if (k % 15 === 4) {
        count("phrases inserted");
        p = insertPhrase(p, random() < 0.5 ? "(انظر الملاحظة في آخر الفصل)" : "- كما قيل من قبل -");
      }
      if (k % 10 === 5) {
        count("paragraphs with typo fixes");
        p = fixTypos(p);
      }
      if (k % 10 === 3) {
        count("paragraphs given tashkeel");
        p = addTashkeel(p);
      }
      return k === 2 ? [fresh(INSERTED_PARAGRAPH), p] : [p];
    },
    (k) => {
      if (k % 25 !== 11) return null;
      count("paragraphs moved");
      return 40;
    },
  );
  return { ...edited, counts };
}
