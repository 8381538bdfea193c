/**
 * Bounded-error approximate string matching (Myers' bit-parallel algorithm, in 32-bit blocks so
 * patterns of any length work): O(n · ⌈m/32⌉) for a text window of n units and a pattern of m.
 * Works in UTF-16 units on already-normalised strings.
 */

/** A match of a pattern in a text, `[start, end)` in UTF-16 units, with its edit distance. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

class BitPattern {
  readonly length: number;
  private readonly blocks: number;
  private readonly peq = new Map<number, Int32Array>();
  private readonly none: Int32Array;
  private readonly lastMask: number;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.ceil(pattern.length / 32);
    this.none = new Int32Array(this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let eq = this.peq.get(c);
      if (!eq) {
        eq = new Int32Array(this.blocks);
        this.peq.set(c, eq);
      }
      eq[i >>> 5]! |= 1 << (i & 31);
    }
    this.lastMask = 1 << ((pattern.length - 1) & 31);
  }

  /**
   * Runs the pattern over `text[i]` for i = from, from+step, … (stopping before `to`) and
   * reports the edit distance after each unit. `anchored` = false: best distance of the whole
   * pattern against any substring ending there (search). `anchored` = true: distance against
   * exactly the units consumed so far (used to find where a match starts).
   */
  scan(
    text: string,
    from: number,
    to: number,
    step: 1 | -1,
    anchored: boolean,
    report: (i: number, score: number) => boolean,
  ): void {
    const blocks = this.blocks;
    const P = new Int32Array(blocks).fill(-1);
    const M = new Int32Array(blocks);
    let score = this.length;
    for (let i = from; step > 0 ? i < to : i > to; i += step) {
      const eqs = this.peq.get(text.charCodeAt(i)) ?? this.none;
      let hIn = anchored ? 1 : 0;
      for (let b = 0; b < blocks; b++) {
        const pV = P[b]!;
        const mV = M[b]!;
        const hInNeg = hIn < 0 ? 1 : 0;
        const eq = eqs[b]! | hInNeg;
        const xV = eq | mV;
        const xH = (((eq & pV) + pV) ^ pV) | eq;
        let pH = mV | ~(xH | pV);
        let mH = pV & xH;
        const mask = b === blocks - 1 ? this.lastMask : 1 << 31;
        const hOut = (pH & mask) !== 0 ? 1 : (mH & mask) !== 0 ? -1 : 0;
        pH = (pH << 1) | (hIn > 0 ? 1 : 0);
        mH = (mH << 1) | hInNeg;
        P[b] = mH | ~(xV | pH);
        M[b] = pH & xV;
        hIn = hOut;
      }
      score += hIn;
      if (report(i, score) === true) return;
    }
  }
}

/**
 * A text's UTF-16 units as dense small ids (one per distinct unit), built once so that many
 * patterns scan it through a flat table instead of a map lookup per unit.
 */
export class EncodedText {
  readonly ids: Uint16Array;
  /** Distinct units in the text; ids run from 0 to `size - 1`. */
  readonly size: number;

  /** The id of each UTF-16 unit, -1 for units the text lacks. */
  private readonly byUnit: Int32Array;

  constructor(readonly text: string) {
    this.ids = new Uint16Array(text.length);
    const byUnit = new Int32Array(0x10000).fill(-1);
    this.byUnit = byUnit;
    let size = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let id = byUnit[c]!;
      if (id < 0) id = byUnit[c] = size++;
      this.ids[i] = id;
    }
    this.size = size;
  }

  /** The id of a unit, or -1 when the text does not contain it. */
  idOf(unit: number): number {
    // A flat table (a map lookup cost more): patterns look up every unit, many per text.
    return unit >= 0 && unit <= 0xffff ? this.byUnit[unit]! : -1;
  }

  private grams: Trigrams | null = null;

  /**
   * False when `needle` certainly starts nowhere in `[lo, hi)` of the text; true when it does or
   * may (shorter than a trigram, or its rarest trigram too common there to check each place).
   * Looks up the needle's rarest trigram in the index and compares the text at each of its
   * positions in the range: a miss costs the rare trigram's places, not a scan of the range.
   */
  mayOccurIn(needle: string, lo: number, hi: number): boolean {
    const m = needle.length;
    if (m < 3) return true;
    const byUnit = this.byUnit;
    const { starts, positions } = this.trigrams();
    let rarest = 0;
    let rarestBucket = 0;
    let fewest = Number.POSITIVE_INFINITY;
    // Any trigram's places would do: some spread over the needle are compared, not all.
    const step = Math.max(1, Math.floor((m - 2) / MAX_TRIGRAMS_COMPARED));
    for (let j = 0; j + 3 <= m; j += step) {
      const a = byUnit[needle.charCodeAt(j)]!;
      const b = byUnit[needle.charCodeAt(j + 1)]!;
      const c = byUnit[needle.charCodeAt(j + 2)]!;
      // A unit the text lacks: the needle is nowhere.
      if (a < 0 || b < 0 || c < 0) return false;
      const g = gramBucket(a, b, c);
      const count = starts[g + 1]! - starts[g]!;
      if (count < fewest) {
        fewest = count;
        rarest = j;
        rarestBucket = g;
      }
    }
    // The bucket's positions ascend: from the first at or after lo + rarest.
    let first = starts[rarestBucket]!;
    let last = starts[rarestBucket + 1]!;
    const from = lo + rarest;
    while (first < last) {
      const mid = (first + last) >>> 1;
      if (positions[mid]! < from) first = mid + 1;
      else last = mid;
    }
    const end = starts[rarestBucket + 1]!;
    for (let k = first, checked = 0; k < end; k++) {
      const start = positions[k]! - rarest;
      if (start >= hi) return false;
      if (++checked > MAX_PLACES_CHECKED) return true;
      if (this.text.startsWith(needle, start)) return true;
    }
    return false;
  }

  /** The text's hashed trigrams, built on first use. */
  trigrams(): Trigrams {
    if (this.grams) return this.grams;
    const ids = this.ids;
    const count = Math.max(0, ids.length - 2);
    const buckets = new Uint16Array(count);
    const starts = new Int32Array(GRAM_BUCKETS + 1);
    for (let p = 0; p < count; p++) {
      const g = gramBucket(ids[p]!, ids[p + 1]!, ids[p + 2]!);
      buckets[p] = g;
      starts[g + 1]!++;
    }
    for (let g = 0; g < GRAM_BUCKETS; g++) starts[g + 1]! += starts[g]!;
    const fill = starts.slice(0, GRAM_BUCKETS);
    const positions = new Int32Array(count);
    for (let p = 0; p < count; p++) positions[fill[buckets[p]!]!++] = p;
    this.grams = { buckets, starts, positions };
    return this.grams;
  }
}

/** Trigram buckets of a text: bucket `g` occurs at `positions[starts[g] .. starts[g + 1])`. */
interface Trigrams {
  /** The bucket of the trigram starting at each position. */
  buckets: Uint16Array;
  starts: Int32Array;
  positions: Int32Array;
}

/** Beyond this many places of its rarest trigram, {@link EncodedText.mayOccurIn} says maybe. */
const MAX_PLACES_CHECKED = 64;
/** Trigrams of a needle {@link EncodedText.mayOccurIn} compares, at most (about). */
const MAX_TRIGRAMS_COMPARED = 12;

/** Trigrams are counted in this many hash buckets: a collision only weakens the filter. */
const GRAM_BUCKETS = 1 << 16;

function gramBucket(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
}

/**
 * All matches of `pattern` in `text[from, to)` with at most `maxErrors` edits, one per run of
 * neighbouring end positions (the best of the run), in text order.
 */
export function approxSearch(
  text: string | EncodedText,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = typeof text === "string" ? text.length : text.text.length,
): ApproxMatch[] {
  if (pattern.length === 0 || from >= to) return [];
  const encoded = typeof text === "string" ? new EncodedText(text) : text;
  const ends: number[] = [];
  const regions = candidateRegions(encoded, pattern, maxErrors, from, to);
  const peq = matchMasks(encoded, pattern);
  for (let r = 0; r < regions.length; r += 2) {
    matchEnds(encoded.ids, peq, pattern.length, maxErrors, regions[r]!, regions[r + 1]!, ends);
  }
  if (ends.length === 0) return [];
  const backward = new BitPattern(reverse(pattern));
  const matches: ApproxMatch[] = [];
  for (let k = 0; k < ends.length; k += 2) {
    const end = ends[k]!;
    const errors = ends[k + 1]!;
    matches.push({
      start: findStart(encoded.text, backward, from, end, errors, maxErrors),
      end,
      errors,
    });
  }
  return matches;
}

/**
 * Forward search (Myers, search mode): for each run of neighbouring end positions whose best
 * alignment has at most `maxErrors` edits, the first end with the run's lowest distance, as
 * flat `[end, errors, …]` pairs in text order.
 */
/** Match masks of a pattern by text id, ⌈m/32⌉ words each; units the text lacks match nothing. */
function matchMasks(encoded: EncodedText, pattern: string): Int32Array {
  const blocks = Math.ceil(pattern.length / 32);
  const peq = new Int32Array(encoded.size * blocks);
  for (let i = 0; i < pattern.length; i++) {
    const id = encoded.idOf(pattern.charCodeAt(i));
    if (id >= 0) peq[id * blocks + (i >>> 5)]! |= 1 << (i & 31);
  }
  return peq;
}

function matchEnds(
  ids: Uint16Array,
  peq: Int32Array,
  m: number,
  maxErrors: number,
  from: number,
  to: number,
  ends: number[],
): void {
  const blocks = Math.ceil(m / 32);
  let bestEnd = -1;
  let bestErrors = 0;
  let score = m;
  if (blocks === 1) {
    const last = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    for (let i = from; i < to; i++) {
      const eq = peq[ids[i]!]!;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & last) !== 0) score++;
      else if ((mh & last) !== 0) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= maxErrors) {
        if (bestEnd < 0 || score < bestErrors) {
          bestEnd = i + 1;
          bestErrors = score;
        }
      } else if (bestEnd >= 0) {
        ends.push(bestEnd, bestErrors);
        bestEnd = -1;
      }
    }
  } else if (blocks === 2) {
    // The general loop below, unrolled for patterns of 33–64 units (most quoted sentences).
    const last = 1 << ((m - 1) & 31);
    let p0 = -1;
    let m0 = 0;
    let p1 = -1;
    let m1 = 0;
    for (let i = from; i < to; i++) {
      const base = ids[i]! << 1;
      const eq0 = peq[base]!;
      let xv = eq0 | m0;
      let xh = (((eq0 & p0) + p0) ^ p0) | eq0;
      let ph = m0 | ~(xh | p0);
      let mh = p0 & xh;
      const carry = ph < 0 ? 1 : mh < 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      p0 = mh | ~(xv | ph);
      m0 = ph & xv;
      const carryNeg = carry < 0 ? 1 : 0;
      const eq1 = peq[base + 1]! | carryNeg;
      xv = eq1 | m1;
      xh = (((eq1 & p1) + p1) ^ p1) | eq1;
      ph = m1 | ~(xh | p1);
      mh = p1 & xh;
      if ((ph & last) !== 0) score++;
      else if ((mh & last) !== 0) score--;
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | carryNeg;
      p1 = mh | ~(xv | ph);
      m1 = ph & xv;
      if (score <= maxErrors) {
        if (bestEnd < 0 || score < bestErrors) {
          bestEnd = i + 1;
          bestErrors = score;
        }
      } else if (bestEnd >= 0) {
        ends.push(bestEnd, bestErrors);
        bestEnd = -1;
      }
    }
  } else {
    const lastMask = 1 << ((m - 1) & 31);
    const P = new Int32Array(blocks).fill(-1);
    const M = new Int32Array(blocks);
    for (let i = from; i < to; i++) {
      const base = ids[i]! * blocks;
      let hIn = 0;
      for (let b = 0; b < blocks; b++) {
        const pV = P[b]!;
        const mV = M[b]!;
        const hInNeg = hIn < 0 ? 1 : 0;
        const eq = peq[base + b]! | hInNeg;
        const xV = eq | mV;
        const xH = (((eq & pV) + pV) ^ pV) | eq;
        let pH = mV | ~(xH | pV);
        let mH = pV & xH;
        const mask = b === blocks - 1 ? lastMask : 1 << 31;
        const hOut = (pH & mask) !== 0 ? 1 : (mH & mask) !== 0 ? -1 : 0;
        pH = (pH << 1) | (hIn > 0 ? 1 : 0);
        mH = (mH << 1) | hInNeg;
        P[b] = mH | ~(xV | pH);
        M[b] = pH & xV;
        hIn = hOut;
      }
      score += hIn;
      if (score <= maxErrors) {
        if (bestEnd < 0 || score < bestErrors) {
          bestEnd = i + 1;
          bestErrors = score;
        }
      } else if (bestEnd >= 0) {
        ends.push(bestEnd, bestErrors);
        bestEnd = -1;
      }
    }
  }
  if (bestEnd >= 0) ends.push(bestEnd, bestErrors);
}

/**
 * The stretches of `[from, to)` that can hold a match, as flat `[lo, hi, …]` pairs, ascending
 * and apart: an exact filter by the q-gram lemma. A substring within `maxErrors` (k) edits of
 * the pattern (m units) keeps at least m − 2 − 3k of the pattern's trigrams, at distinct
 * positions of its own, all in [s, s + m + k − 2) for a match starting at s. Counting the
 * text's trigram positions that hash like one of the pattern's per short block, a match
 * starting in block b has at least that many in the blocks that stretch reaches, and lies in
 * [start of b, end of b + m + k). Scanning a stretch
 * from its start gives every end within it the distance the whole window would (its best
 * alignment starts inside the stretch), and ends outside all stretches have more than k
 * edits: the matches, and the runs they are reported by, are those of scanning all of it.
 */
function candidateRegions(
  encoded: EncodedText,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): number[] {
  const m = pattern.length;
  const threshold = m - 2 - 3 * maxErrors;
  if (threshold <= 0) return [from, to];
  // Trigram positions of a match starting at s lie in [s, s + span): blocks b(s) … b(s) + reach.
  const span = m + maxErrors - 2;
  const blockSize = Math.max(4, Math.ceil(span / 4));
  const reach = Math.floor((blockSize + span - 2) / blockSize);
  const blockCount = Math.ceil((to - from) / blockSize);
  if (blockCount <= reach + 1) return [from, to];
  // The pattern's trigram buckets, with their counts.
  const want = wantScratch;
  const patternBuckets: number[] = [];
  for (let j = 0; j + 3 <= m; j++) {
    const a = encoded.idOf(pattern.charCodeAt(j));
    const b = encoded.idOf(pattern.charCodeAt(j + 1));
    const c = encoded.idOf(pattern.charCodeAt(j + 2));
    // A trigram the text lacks a unit of occurs nowhere: it adds no position.
    if (a < 0 || b < 0 || c < 0) continue;
    const g = gramBucket(a, b, c);
    if (want[g]!++ === 0) patternBuckets.push(g);
  }
  try {
    const grams = encoded.trigrams();
    const { starts, positions } = grams;
    let postings = 0;
    for (const g of patternBuckets) postings += starts[g + 1]! - starts[g]!;
    // Counting would cost about what scanning does (a random increment per position against a
    // few word operations per unit and block).
    if (postings > ((to - from) * Math.ceil(m / 32)) / 4) return [from, to];
    // 1. Per block, the positions whose trigram is one of the pattern's (however often).
    const counts = new Int32Array(blockCount + reach);
    for (const g of patternBuckets) {
      for (let k = starts[g]!, end = starts[g + 1]!; k < end; k++) {
        const p = positions[k]!;
        if (p >= from && p < to) counts[((p - from) / blockSize) | 0]!++;
      }
    }
    // 2. In the blocks that pass, each start's window exactly (a trigram counts at most as
    // often as the pattern has it), for patterns long enough that scanning costs more.
    const regions: number[] = [];
    let sum = 0;
    for (let b = 0; b < reach; b++) sum += counts[b]!;
    let first = -1;
    for (let b = 0; b <= blockCount; b++) {
      const passes = b < blockCount && sum + counts[b + reach]! >= threshold;
      if (b < blockCount) sum += counts[b + reach]! - counts[b]!;
      if (passes && first < 0) first = b;
      if (passes || first < 0) continue;
      const lo = from + first * blockSize;
      const hi = Math.min(to, from + b * blockSize);
      if (m > 64) {
        exactWindows(grams.buckets, want, lo, hi, span, threshold, m + maxErrors, to, regions);
      } else if (regions.length > 0 && regions[regions.length - 1]! >= lo) {
        // One word per unit scans about as fast as the exact count would: scan it all.
        regions[regions.length - 1] = Math.min(to, hi + m + maxErrors);
      } else regions.push(lo, Math.min(to, hi + m + maxErrors));
      first = -1;
    }
    return regions;
  } finally {
    for (const g of patternBuckets) want[g] = 0;
  }
}

const wantScratch = new Int32Array(GRAM_BUCKETS);
const haveScratch = new Int32Array(GRAM_BUCKETS);

/**
 * Slides over the starts in `[lo, hi)`: a start whose window of `span` trigram positions shares
 * at least `threshold` trigrams with the pattern (counted as a multiset) adds the stretch
 * `[start, start + length)` to `regions` (merged with the last when they touch).
 */
function exactWindows(
  buckets: Uint16Array,
  want: Int32Array,
  lo: number,
  hi: number,
  span: number,
  threshold: number,
  length: number,
  to: number,
  regions: number[],
): void {
  const have = haveScratch;
  let shared = 0;
  let next = lo;
  for (let s = lo; s < hi; s++) {
    const limit = Math.min(s + span, buckets.length);
    for (; next < limit; next++) {
      const g = buckets[next]!;
      if (have[g]!++ < want[g]!) shared++;
    }
    if (shared >= threshold) {
      const end = Math.min(to, s + length);
      if (regions.length > 0 && regions[regions.length - 1]! >= s)
        regions[regions.length - 1] = end;
      else regions.push(s, end);
    }
    if (s < next) {
      const g = buckets[s]!;
      if (--have[g]! < want[g]!) shared--;
    }
  }
  for (let p = Math.max(hi, lo); p < next; p++) have[buckets[p]!]!--;
}

/** Where the best alignment of the pattern ending at `end` starts (ties: length nearest m). */
function findStart(
  text: string,
  reversed: BitPattern,
  from: number,
  end: number,
  errors: number,
  maxErrors: number,
): number {
  const m = reversed.length;
  const lowest = Math.max(from, end - m - maxErrors);
  let start = end;
  let bestScore = Number.POSITIVE_INFINITY;
  reversed.scan(text, end - 1, lowest - 1, -1, true, (i, score) => {
    const better =
      score < bestScore ||
      (score === bestScore && Math.abs(end - i - m) < Math.abs(end - start - m));
    if (better) {
      bestScore = score;
      start = i;
    }
    return score === errors && end - i >= m;
  });
  return start;
}

/**
 * Edit distance between `expected` and the best-aligned tail of `window` (the alignment ends at
 * the window's end and may start anywhere in it): how well a stored prefix fits before a match.
 */
export function tailDistance(expected: string, window: string): number {
  return new SideMatcher(expected, "tail").distance(window, 0, window.length);
}

/** Like {@link tailDistance} for the head of `window` (a stored suffix after a match). */
export function headDistance(expected: string, window: string): number {
  return new SideMatcher(expected, "head").distance(window, 0, window.length);
}

/**
 * {@link tailDistance} / {@link headDistance} of one stored side, compiled once and measured
 * against many windows of a text without slicing it: Myers' bit-parallel edit distance, one
 * 32-bit word per text unit for a side of up to 32 units (a stored context is 32 code points),
 * in blocks beyond. Exactly the dynamic programme's distance, about 30 times faster.
 */
export class SideMatcher {
  readonly length: number;
  /** Match masks of the (for a tail: reversed) side, by unit: ASCII and Arabic in a table. */
  private readonly table: Int32Array;
  private readonly other = new Map<number, number>();
  private readonly wide: BitPattern | null;

  /** `tail`: the side must end where the window ends (a prefix); `head`: start where it starts. */
  constructor(
    side: string,
    private readonly kind: "tail" | "head",
    /**
     * A table of {@link SIDE_TABLE_SIZE} entries to use (and clear) instead of a new one, for a
     * caller that makes many matchers, each dropped before the next takes the same table.
     */
    table?: Int32Array,
  ) {
    this.table = table ? table.fill(0) : new Int32Array(SIDE_TABLE_SIZE);
    const pattern = kind === "tail" ? reverse(side) : side;
    this.length = pattern.length;
    this.wide = pattern.length > 32 ? new BitPattern(pattern) : null;
    if (this.wide) return;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const slot = slotOf(c);
      if (slot >= 0) this.table[slot]! |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  /** Distance of the side against `text[from, to)` (aligned at `to` for a tail, else `from`). */
  distance(text: string, from: number, to: number): number {
    const m = this.length;
    if (m === 0) return 0;
    const tail = this.kind === "tail";
    if (this.wide) {
      let best = m;
      const report = (_: number, score: number) => {
        if (score < best) best = score;
        return false;
      };
      if (tail) this.wide.scan(text, to - 1, from - 1, -1, true, report);
      else this.wide.scan(text, from, to, 1, true, report);
      return best;
    }
    const last = 1 << (m - 1);
    const table = this.table;
    const other = this.other;
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    const n = to - from;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(tail ? to - 1 - k : from + k);
      const slot = slotOf(c);
      const eq = slot >= 0 ? table[slot]! : (other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      const mh = pv & xh;
      if ((ph & last) !== 0) score++;
      else if ((mh & last) !== 0) score--;
      // The alignment is anchored at the window's edge: row 0 grows by one per unit.
      ph = (ph << 1) | 1;
      pv = (mh << 1) | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    return best;
  }
}

/** Entries of a {@link SideMatcher}'s table: ASCII and the Arabic block. */
export const SIDE_TABLE_SIZE = 0x180;

/** Table slot of an ASCII or Arabic-block unit, -1 for others. */
function slotOf(c: number): number {
  if (c < 0x80) return c;
  if (c >= 0x0600 && c < 0x0700) return c - 0x0580;
  return -1;
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
