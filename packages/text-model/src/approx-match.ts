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
 * All matches of `pattern` in `text[from, to)` with at most `maxErrors` edits, one per run of
 * neighbouring end positions (the best of the run), in text order.
 */
export function approxSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproxMatch[] {
  if (pattern.length === 0 || from >= to) return [];
  const forward = new BitPattern(pattern);
  const ends: Array<{ end: number; errors: number }> = [];
  let best: { end: number; errors: number } | null = null;
  forward.scan(text, from, to, 1, false, (i, score) => {
    if (score <= maxErrors) {
      if (!best || score < best.errors) best = { end: i + 1, errors: score };
    } else if (best) {
      ends.push(best);
      best = null;
    }
    return false;
  });
  if (best) ends.push(best);
  if (ends.length === 0) return [];
  const backward = new BitPattern(reverse(pattern));
  return ends.map(({ end, errors }) => ({
    start: findStart(text, backward, from, end, errors, maxErrors),
    end,
    errors,
  }));
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
  const m = expected.length;
  const n = window.length;
  if (m === 0) return 0;
  // Row i holds distances of expected[0, i) against window[j', j) with j' free; column j.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const c = expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (window.charCodeAt(j - 1) === c ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** Like {@link tailDistance} for the head of `window` (a stored suffix after a match). */
export function headDistance(expected: string, window: string): number {
  return tailDistance(reverse(expected), reverse(window));
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
