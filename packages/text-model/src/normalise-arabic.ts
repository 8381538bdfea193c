import { OffsetMap } from "./offsets";

/** How far search folding goes. */
export interface NormaliseOptions {
  /** Fold ta marbuta into ha (ة → ه), a common spelling variation. Default false. */
  taMarbuta?: boolean;
  /** Lower-case Latin, Greek and Cyrillic letters. Default true. */
  caseFold?: boolean;
}

/**
 * A search form of a text in UTF-16 units with exact maps back to the original:
 * `start[i]`/`end[i]` are the original range that produced normalised unit `i` (the end runs
 * over the marks dropped after it), `forward[o]` is the first normalised unit produced at or
 * after original unit `o`.
 */
export interface FoldedText {
  text: string;
  start: Int32Array;
  end: Int32Array;
  forward: Int32Array;
}

/** A normalised text with maps back to the original, all in code points. */
export interface NormalisedText {
  /** The search form. */
  text: string;
  /** Original offset where the character at normalised offset `i` comes from (`i` ≤ length). */
  toOriginal(i: number): number;
  /**
   * Original end offset for a hit ending at normalised offset `i`: past the last character's
   * dropped marks (tashkeel), so a highlight covers the whole vowelled letter.
   */
  toOriginalEnd(i: number): number;
  /** Normalised offset of the first character kept at or after original offset `i`. */
  fromOriginal(i: number): number;
}

const KEEP = 0;
const DROP_MARK = -1;
const DROP = -2;
const SPACE = -3;
const EXPAND = -4;

const tables = new Map<string, Int32Array>();

function foldTable(options: NormaliseOptions): Int32Array {
  const key = `${options.taMarbuta === true}|${options.caseFold !== false}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = classify(c, options);
  tables.set(key, table);
  return table;
}

function classify(c: number, options: NormaliseOptions): number {
  // Tashkeel, superscript alef, Quranic annotation marks.
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed))
    return DROP_MARK;
  if ((c >= 0x0610 && c <= 0x061a) || (c >= 0x08d3 && c <= 0x08ff && c !== 0x08e2))
    return DROP_MARK;
  // Tatweel, ZWJ/ZWNJ, bidi controls (incl. the Trojan-source ones), Arabic letter mark, BOM.
  if (c === 0x0640 || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f) return DROP;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x061c || c === 0xfeff)
    return DROP;
  if (c >= 0xd800 && c <= 0xdfff) return KEEP;
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) return SPACE;
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
    case 0x0672:
    case 0x0673:
      return 0x0627;
    case 0x0649: // ى
    case 0x0626: // ئ
    case 0x06cc: // Persian yeh
      return 0x064a;
    case 0x0624: // ؤ
      return 0x0648;
    case 0x06a9: // keheh
      return 0x0643;
    case 0x0629: // ة
      return options.taMarbuta === true ? 0x0647 : KEEP;
  }
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + c - 0x06f0;
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
    return ch.normalize("NFKC") === ch ? KEEP : EXPAND;
  }
  if (
    options.caseFold !== false &&
    (c < 0x0590 || (c >= 0x1e00 && c <= 0x1fff) || (c >= 0xff21 && c <= 0xff3a))
  ) {
    const lower = ch.toLowerCase();
    if (lower.length === 1 && lower !== ch) return lower.charCodeAt(0);
  }
  return KEEP;
}

/**
 * Folds a text for search with maps in UTF-16 units (the internal form used by search and
 * anchoring). Whitespace runs become one space.
 */
export function foldWithMap(text: string, options: NormaliseOptions = {}): FoldedText {
  const table = foldTable(options);
  // Typed arrays sized for the common case (folding only shrinks), grown only by expansions.
  let out = new Uint16Array(text.length + 16);
  let start = new Int32Array(text.length + 16);
  let end = new Int32Array(text.length + 16);
  let n = 0;
  const forward = new Int32Array(text.length + 1);
  let extendable = false;
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    forward[i] = n;
    if (n + 2 > out.length) {
      out = grow(out, new Uint16Array(n * 2 + 16));
      start = grow(start, new Int32Array(n * 2 + 16));
      end = grow(end, new Int32Array(n * 2 + 16));
    }
    const c = text.charCodeAt(i);
    const kind = table[c]!;
    if (kind === KEEP || kind > 0) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        // Astral characters are kept whole; both units map to the same original character.
        forward[i + 1] = n;
        out[n] = c;
        start[n] = i;
        end[n++] = i + 2;
        out[n] = text.charCodeAt(i + 1);
        start[n] = i;
        end[n++] = i + 2;
        i++;
      } else {
        out[n] = kind === KEEP ? c : kind;
        start[n] = i;
        end[n++] = i + 1;
      }
      extendable = true;
      lastWasSpace = false;
    } else if (kind === DROP_MARK) {
      if (extendable && n > 0) end[n - 1] = i + 1;
    } else if (kind === SPACE) {
      if (!lastWasSpace) {
        out[n] = 0x20;
        start[n] = i;
        end[n++] = i + 1;
      }
      lastWasSpace = true;
      extendable = false;
    } else if (kind === EXPAND) {
      const expanded = foldString(text[i]!.normalize("NFKC").replace(/\s/g, ""), options);
      for (let k = 0; k < expanded.length; k++) {
        if (n === out.length) {
          out = grow(out, new Uint16Array(n * 2 + 16));
          start = grow(start, new Int32Array(n * 2 + 16));
          end = grow(end, new Int32Array(n * 2 + 16));
        }
        out[n] = expanded.charCodeAt(k);
        start[n] = i;
        end[n++] = i + 1;
      }
      extendable = true;
      lastWasSpace = false;
    } else {
      extendable = false;
    }
  }
  forward[text.length] = n;
  return { text: unitsToString(out, n), start: start.slice(0, n), end: end.slice(0, n), forward };
}

/** The first `n` units of `units` as a string, in chunks (one spread would overflow the stack). */
function unitsToString(units: Uint16Array, n: number): string {
  let s = "";
  for (let i = 0; i < n; i += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as never);
  }
  return s;
}

function grow<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Folds a short string for comparison, without maps. */
export function foldString(text: string, options: NormaliseOptions = {}): string {
  const table = foldTable(options);
  // Most quotes and contexts have nothing to fold: return them as they are.
  let i = 0;
  for (; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)]!;
    if (kind === KEEP) continue;
    if (
      kind === SPACE &&
      text.charCodeAt(i) === 0x20 &&
      (i === 0 || text.charCodeAt(i - 1) !== 0x20)
    )
      continue;
    break;
  }
  if (i === text.length) return text;
  let units = foldScratch.length >= text.length ? foldScratch : new Uint16Array(text.length);
  for (let k = 0; k < i; k++) units[k] = text.charCodeAt(k);
  let n = i;
  let lastWasSpace = i > 0 && text.charCodeAt(i - 1) === 0x20;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = table[c]!;
    if (kind === DROP_MARK || kind === DROP) continue;
    if (kind === SPACE) {
      if (!lastWasSpace) units[n++] = 0x20;
      lastWasSpace = true;
      continue;
    }
    if (kind === EXPAND) {
      // The recursive call may use the scratch buffer: keep what is written so far apart.
      if (units === foldScratch) units = units.slice(0, Math.max(n + 16, text.length));
      const expanded = foldString(text[i]!.normalize("NFKC").replace(/\s/g, ""), options);
      if (n + expanded.length + text.length - i > units.length) {
        const bigger = new Uint16Array(2 * (n + expanded.length + text.length - i));
        bigger.set(units.subarray(0, n));
        units = bigger;
      }
      for (let k = 0; k < expanded.length; k++) units[n++] = expanded.charCodeAt(k);
    } else units[n++] = kind === KEEP ? c : kind;
    lastWasSpace = false;
  }
  return unitsToString(units, n);
}

/** Reused by {@link foldString} for the short strings it mostly folds. */
const foldScratch = new Uint16Array(4096);

/**
 * Arabic-aware search form of a text: drops tashkeel (harakat, shadda, sukun, superscript
 * alef, Quranic marks), tatweel, ZWJ/ZWNJ and bidi controls; unifies alef forms (أ إ آ ٱ → ا),
 * alef maqsura and hamza carriers (ى ئ → ي, ؤ → و), optionally ta marbuta (ة → ه); maps
 * Arabic-Indic and Persian digits to ASCII; folds presentation forms and Latin case; collapses
 * whitespace. The maps take normalised code-point offsets back to original ones and forth.
 */
export function normaliseForSearch(text: string, options: NormaliseOptions = {}): NormalisedText {
  const folded = foldWithMap(text, options);
  const original = new OffsetMap(text);
  const normalised = new OffsetMap(folded.text);
  const n = folded.start.length;
  return {
    text: folded.text,
    toOriginal(i) {
      const u = normalised.toUtf16(i);
      return original.fromUtf16(u < n ? folded.start[u]! : text.length);
    },
    toOriginalEnd(i) {
      const u = normalised.toUtf16(i);
      return original.fromUtf16(u > 0 ? folded.end[u - 1]! : 0);
    },
    fromOriginal(i) {
      return normalised.fromUtf16(folded.forward[original.toUtf16(i)]!);
    },
  };
}
