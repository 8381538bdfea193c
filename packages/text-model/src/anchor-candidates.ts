import { SideMatcher } from "./approx-match";

/**
 * The pieces of anchoring that judge a place found for a quote: how well the stored context fits
 * there, and which of several places to take — or none, when nothing tells them apart.
 */

/** A place where the quote (exactly, after normalisation, or approximately) was found. */
export interface Candidate {
  /** Original UTF-16 range. */
  s: number;
  e: number;
  /** Folded-text range. */
  ns: number;
  ne: number;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  /** From the expected position, in the units of the space it was found in. */
  distance: number;
}

/** The stored quote with its context, and the three folded for comparison. */
export interface Query {
  exact: string;
  /** `null`: no context stored on that side (W3C makes them optional); `""`: the text's edge. */
  prefix: string | null;
  suffix: string | null;
  fq: string;
  /** Folded context; `null` when unknown, or when only marks/controls were stored. */
  fp: string | null;
  fs: string | null;
  /** `fp` and `fs` compiled for scoring many places, on first use. */
  pm?: SideMatcher;
  sm?: SideMatcher;
  /**
   * Tables for `pm` and `sm` lent by whoever anchors queries one at a time (a typed array costs
   * more to allocate than most queries spend scoring); absent: each matcher makes its own.
   */
  tables?: readonly [Int32Array, Int32Array];
}

/** Returned instead of a candidate when several fit equally well and nothing settles it. */
export const AMBIGUOUS = "ambiguous";
export type Choice = Candidate | typeof AMBIGUOUS | undefined;

const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
/**
 * Scores closer than this are "equally good": about one code point of 32 in one side's context.
 * A difference that small is noise, not evidence.
 */
const TIE = 0.01;
/**
 * Below a perfect score (context not intact, or the quote matched approximately) a score is
 * weaker evidence: candidates this close to the best are as good as it (about three code points
 * of 32 in one side's context, e.g. a look-alike passage under another heading number).
 */
const WEAK_TIE = 0.04;
/**
 * The nearest of equally good candidates is taken only when the next one is more than twice as
 * far plus this margin (UTF-16 units, about a context's length): otherwise it would be a guess.
 */
export const NEARNESS_MARGIN = 64;

/** Overall confidence in [0, 1]: the quote weighs most, each side of the context less. */
export function score(c: Candidate): number {
  return (
    (QUOTE_WEIGHT * c.quoteScore + CONTEXT_WEIGHT * (c.prefixScore + c.suffixScore)) /
    (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT)
  );
}

/**
 * The best score a candidate whose quote scores `quoteScore` can reach (its context intact);
 * one that cannot come within {@link WEAK_TIE} of a score already found changes no choice.
 */
export function cannotCompete(quoteScore: number, top: number): boolean {
  const best =
    (QUOTE_WEIGHT * quoteScore + 2 * CONTEXT_WEIGHT) / (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT);
  return best < top - WEAK_TIE;
}

/** Similarity in [0, 1] of the folded prefix to the folded text `t` just before `ns`. */
export function prefixScore(t: string, ns: number, q: Query): number {
  const fp = q.fp;
  if (fp === null) return 0;
  if (fp.length === 0) return ns === 0 ? 1 : 0;
  const slack = Math.ceil(fp.length * 0.25) + 2;
  q.pm ??= new SideMatcher(fp, "tail", q.tables?.[0]);
  return Math.max(0, 1 - q.pm.distance(t, Math.max(0, ns - fp.length - slack), ns) / fp.length);
}

/** Similarity in [0, 1] of the folded suffix to the folded text `t` just after `ne`. */
export function suffixScore(t: string, ne: number, q: Query): number {
  const fs = q.fs;
  if (fs === null) return 0;
  if (fs.length === 0) return ne === t.length ? 1 : 0;
  const slack = Math.ceil(fs.length * 0.25) + 2;
  q.sm ??= new SideMatcher(fs, "head", q.tables?.[1]);
  const to = Math.min(t.length, ne + fs.length + slack);
  return Math.max(0, 1 - q.sm.distance(t, ne, to) / fs.length);
}

/**
 * The context is evidence when one known side is nearly intact and, with both known, the two
 * together are more alike than unrelated prose (random Arabic contexts score about 0.2–0.4).
 */
export function contextAgrees(c: Candidate, q: Query): boolean {
  if (q.fp === null && q.fs === null) return false;
  if (q.fp === null) return c.suffixScore >= 0.75;
  if (q.fs === null) return c.prefixScore >= 0.75;
  return (
    Math.max(c.prefixScore, c.suffixScore) >= 0.75 && (c.prefixScore + c.suffixScore) / 2 >= 0.5
  );
}

/** True when both sides of the context are exactly there (a side's edge when stored empty). */
export function perfectContext(c: Candidate, q: Query): boolean {
  return q.fp !== null && q.fs !== null && c.prefixScore === 1 && c.suffixScore === 1;
}

/**
 * The best candidate, or {@link AMBIGUOUS} when others are as good (within {@link TIE}, or
 * {@link WEAK_TIE} below a perfect score) and the position does not clearly pick one: it is
 * missing, the runner-up is not much farther, or the best is itself farther than `near` from
 * the expected place (between far look-alikes, being a little less far is no evidence).
 */
export function choose(
  candidates: readonly Candidate[],
  hasPosition: boolean,
  near = Number.POSITIVE_INFINITY,
): Choice {
  let top = Number.NEGATIVE_INFINITY;
  for (const c of candidates) top = Math.max(top, score(c));
  const margin = top >= 1 ? TIE : WEAK_TIE;
  const tied = candidates.filter((c) => score(c) >= top - margin).sort(byDistance);
  const [best, next] = tied;
  if (!best || !next) return best;
  if (!hasPosition || best.distance > near || !clearlyNearer(best, next)) return AMBIGUOUS;
  return best;
}

/** True when `a` is near enough, compared with `b`, for nearness to count as evidence. */
export function clearlyNearer(a: Candidate, b: Candidate): boolean {
  return b.distance >= 2 * a.distance + NEARNESS_MARGIN;
}

function byDistance(a: Candidate, b: Candidate): number {
  return a.distance - b.distance;
}

/**
 * Start offsets of the occurrences of `needle` lying inside `text[lo, hi)`, nearest to
 * `expected` first (forward first on a tie), lazily. Searches a slice (O(1) in V8) so a miss
 * costs the window, not the text; backwards only as far as the next forward occurrence makes
 * worth it, so an occurrence right at `expected` costs next to nothing.
 */
export function* nearestOccurrences(
  text: string,
  needle: string,
  expected: number,
  lo: number,
  hi: number,
): Generator<number> {
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const from = Math.max(0, Math.min(expected - lo, window.length));
  let forward = window.indexOf(needle, from);
  // Backward occurrences found and not yet yielded, ascending (the nearest last); every start in
  // [scannedDown, from) has been looked at. A chunk's occurrences are all kept, so walking back
  // through many of them scans each stretch once.
  const behind: number[] = [];
  let scannedDown = from;
  let size = Math.max(512, 4 * needle.length);
  for (;;) {
    if (behind.length === 0 && scannedDown > 0) {
      // Farther back than `limit`, an occurrence would come after the forward one anyway.
      const limit = forward === -1 ? 0 : Math.max(0, 2 * from - forward);
      while (behind.length === 0 && scannedDown > limit) {
        const first = Math.max(limit, scannedDown - size);
        startsIn(window, needle, first, scannedDown - 1, behind);
        scannedDown = first;
        size *= 2;
      }
    }
    const backward = behind.length > 0 ? behind[behind.length - 1]! : -1;
    if (backward !== -1 && (forward === -1 || forward - from > from - backward)) {
      yield lo + backward;
      behind.pop();
    } else if (forward !== -1) {
      yield lo + forward;
      forward = window.indexOf(needle, forward + 1);
    } else return;
  }
}

/**
 * Appends the starts of `needle` in `[first, last]` of `text`, ascending, to `into`. Searches
 * forwards: `indexOf` is much faster than `lastIndexOf` in V8.
 */
function startsIn(text: string, needle: string, first: number, last: number, into: number[]): void {
  const chunk = text.slice(first, last + needle.length);
  for (let at = chunk.indexOf(needle); at !== -1; at = chunk.indexOf(needle, at + 1))
    into.push(first + at);
}
