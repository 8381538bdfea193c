import {
  AMBIGUOUS,
  type Candidate,
  type Choice,
  cannotCompete,
  NEARNESS_MARGIN,
  type Query,
  choose,
  clearlyNearer,
  contextAgrees,
  nearestOccurrences,
  perfectContext,
  prefixScore,
  score,
  suffixScore,
} from "./anchor-candidates";
import type { AnchorOptions, AnchorResult } from "./anchor";
import { approxSearch, SIDE_TABLE_SIZE } from "./approx-match";
import type { PreparedText } from "./prepared-text";
import type { TextPositionSelector, TextQuoteSelector, TextSelector } from "./selectors";

// The search behind `anchor`/`anchorMany`: each annotation goes through a fixed plan of steps,
// exact before normalised before approximate, near the expected place before the whole text.

/** A quote at least this long (normalised units) is distinctive on its own. */
const LONG_QUOTE = 24;
/** Occurrences examined at most per step, nearest to the expected position first. */
const MAX_CANDIDATES = 500;
/** A fuzzy match near the expected position this good is taken without searching further. */
const NEAR_FUZZY_ENOUGH = 0.9;

interface Span {
  lo: number;
  hi: number;
}

/** The original text or its folded form, with the quote and context in the same form. */
interface Space {
  folded: boolean;
  text: string;
  quote: string;
  prefix: string | null;
  suffix: string | null;
  /** Expected start of the quote in this space. */
  at: number;
  /** The quote with its context, and its folded form less a leading space, once asked for. */
  needle?: string;
  foldedNeedle?: string;
}

/** One annotation being anchored: its query and where it is expected, in both spaces. */
interface Job {
  q: Query;
  hasPosition: boolean;
  raw: Space;
  fold: Space;
  /** False for a quote of only spaces, marks or controls: nothing to match once normalised. */
  foldable: boolean;
}

type StepKind = "quote" | "normalised" | "fuzzy";

const NOT_FOUND: AnchorResult = { state: "orphaned", reason: "not_found" };

// Exact and normalised matches anywhere outrank an approximate one nearby: a look-alike next
// to the expected place must not win over the real passage moved further away.
const PLAN_WITH_POSITION: ReadonlyArray<readonly [StepKind, "near" | "everywhere"]> = [
  ["quote", "near"],
  ["normalised", "near"],
  ["quote", "everywhere"],
  ["normalised", "everywhere"],
  ["fuzzy", "near"],
  ["fuzzy", "everywhere"],
];
const PLAN_WITHOUT_POSITION: ReadonlyArray<readonly [StepKind, "near" | "everywhere"]> = [
  ["quote", "everywhere"],
  ["normalised", "everywhere"],
  ["fuzzy", "everywhere"],
];

/** Anchors selector sets in one prepared text; see {@link anchor} for the steps. */
export class Anchorer {
  private readonly rate: number;
  /** Half-width of the first search around the expected position (UTF-16 units). */
  readonly window: number;
  /** The context matchers' tables, lent to each query in turn (`anchor` makes one at a time). */
  private readonly sideTables = [
    new Int32Array(SIDE_TABLE_SIZE),
    new Int32Array(SIDE_TABLE_SIZE),
  ] as const;

  constructor(
    private readonly p: PreparedText,
    options: AnchorOptions,
  ) {
    this.rate = options.maxErrorRate ?? 0.25;
    this.window = options.window ?? 2000;
  }

  /**
   * `shift`: how far (code points) the text is believed to have moved at the stored position.
   * `exactOnly`: skip the approximate steps (a caller that only needs to know whether the quote
   * is anchored; the result is then never `drifted`).
   */
  anchor(selectors: readonly TextSelector[], shift = 0, exactOnly = false): AnchorResult {
    const quote = selectors.find(isQuote);
    const position = selectors.find(isPosition);
    const offsets = this.p.offsets;
    const validPosition =
      position !== undefined && position.start < position.end && position.end <= offsets.length;
    if (!quote) {
      if (!validPosition) return { state: "orphaned", reason: "no_selector" };
      const s = offsets.toUtf16(position.start);
      return this.found(this.rawCandidate(s, offsets.toUtf16(position.end), null, s), "position");
    }
    const q = this.query(quote);
    if (validPosition) {
      const verified = this.atPosition(q, position);
      if (verified) return verified;
    }
    const expected = position
      ? offsets.toUtf16(Math.max(0, Math.min(position.start + shift, offsets.length)))
      : 0;
    const job = this.job(q, expected, position !== undefined);
    let ambiguous = false;
    for (const [kind, where] of job.hasPosition ? PLAN_WITH_POSITION : PLAN_WITHOUT_POSITION) {
      // Once the quote is known to be in several far places alike, only a fuzzy match at the
      // expected place (the passage edited where it stood) can still settle it.
      if (ambiguous && !(kind === "fuzzy" && where === "near")) continue;
      if (exactOnly && kind === "fuzzy") continue;
      const sp = kind === "quote" ? job.raw : job.fold;
      const total = sp.text.length;
      if (where === "near") {
        // After far look-alikes, only the expected place itself, not its whole neighbourhood.
        const reach = ambiguous ? this.window / 4 : this.window;
        const span = {
          lo: Math.max(0, sp.at - reach),
          hi: Math.min(total, sp.at + sp.quote.length + reach),
        };
        const c = this.search(kind, span, job);
        const enough = kind === "fuzzy" ? NEAR_FUZZY_ENOUGH : 0;
        if (isCandidate(c) && score(c) >= enough && settled(c, sp, span))
          return this.found(c, kind, q);
      } else {
        const c = this.search(kind, { lo: 0, hi: total }, job);
        if (c === AMBIGUOUS) ambiguous = true;
        else if (c) return this.found(c, kind, q);
      }
    }
    return ambiguous ? { state: "orphaned", reason: "ambiguous" } : NOT_FOUND;
  }

  private query(quote: TextQuoteSelector): Query {
    // Taken as stored: selectors are in the canonical (NFC) form; importers convert them.
    const exact = quote.exact;
    const prefix = typeof quote.prefix === "string" ? quote.prefix : null;
    const suffix = typeof quote.suffix === "string" ? quote.suffix : null;
    return {
      exact,
      prefix,
      suffix,
      fq: this.p.fold(exact),
      fp: this.foldSide(prefix),
      fs: this.foldSide(suffix),
      tables: this.sideTables,
    };
  }

  /** A side stored as marks or controls only folds to nothing: that is no context, not an edge. */
  private foldSide(side: string | null): string | null {
    if (side === null) return null;
    const folded = this.p.fold(side);
    return folded === "" && side !== "" ? null : folded;
  }

  private job(q: Query, expected: number, hasPosition: boolean): Job {
    const folded = this.p.folded;
    return {
      q,
      hasPosition,
      raw: {
        folded: false,
        text: this.p.text,
        quote: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
        at: expected,
      },
      fold: {
        folded: true,
        text: folded.text,
        quote: q.fq,
        prefix: q.fp,
        suffix: q.fs,
        at: folded.forward[expected]!,
      },
      foldable: q.fq.trim() !== "",
    };
  }

  /** Step 1: the stored position, if the quote is there and the context does not object. */
  private atPosition(q: Query, position: TextPositionSelector): AnchorResult | undefined {
    const s = this.p.offsets.toUtf16(position.start);
    const e = this.p.offsets.toUtf16(position.end);
    if (this.p.text.slice(s, e) !== q.exact) return undefined;
    const c = this.rawCandidate(s, e, q, s);
    const noContext = q.fp === null && q.fs === null;
    if (noContext || contextAgrees(c, q) || q.fq.length >= 16) return this.found(c, "position", q);
    return undefined;
  }

  private search(kind: StepKind, span: Span, job: Job): Choice {
    if (kind === "quote") return this.exactIn(job.raw, span, job);
    if (!job.foldable) return undefined;
    return kind === "normalised" ? this.exactIn(job.fold, span, job) : this.fuzzyIn(span, job);
  }

  private candidate(sp: Space, s: number, q: Query): Candidate {
    const e = s + sp.quote.length;
    return sp.folded ? this.foldedCandidate(s, e, 1, q, sp.at) : this.rawCandidate(s, e, q, sp.at);
  }

  /**
   * Exact occurrences of the quote inside `span` of a space: the quote with its whole stored
   * context settles it at once (unless it occurs twice); otherwise context picks among repeats.
   */
  private exactIn(sp: Space, span: Span, job: Job): Choice {
    const q = job.q;
    if (sp.quote.length === 0) return undefined;
    if (!this.mayBeIn(sp, span, job)) return undefined;
    const whole = this.wholeContextIn(sp, span, job);
    if (whole !== undefined) return whole;
    const accepted: Candidate[] = [];
    let unique: boolean | undefined;
    let perfect: Candidate | undefined;
    let examined = 0;
    for (const s of nearestOccurrences(sp.text, sp.quote, sp.at, span.lo, span.hi)) {
      const c = this.candidate(sp, s, q);
      // Past this distance nothing can compete with a perfect match (see `choose`).
      if (perfect && job.hasPosition && clearlyNearer(perfect, c)) break;
      if (contextAgrees(c, q)) accepted.push(c);
      else if (q.fq.length >= LONG_QUOTE) {
        unique ??= sp.text.indexOf(sp.quote) === sp.text.lastIndexOf(sp.quote);
        if (unique) accepted.push(c);
      }
      if (perfectContext(c, q)) perfect ??= c;
      if (++examined >= MAX_CANDIDATES) break;
    }
    return choose(accepted, job.hasPosition, this.window);
  }

  /**
   * False when the quote certainly occurs nowhere in `span` (then no step finds anything there):
   * asked of the folded text's trigram index, so a miss does not scan the span both ways. An
   * exact occurrence of the quote starting at original `s` puts its folded form at `forward[s]`,
   * less the leading space when the text had a space just before (runs of spaces fold to one),
   * or one unit later: the folded quote without that space starts in `[forward[lo],
   * forward[hi] + 1]`.
   */
  private mayBeIn(sp: Space, span: Span, job: Job): boolean {
    if (sp.text.startsWith(sp.quote, sp.at)) return true;
    const fq = job.q.fq;
    const core = fq.charCodeAt(0) === 0x20 ? fq.slice(1) : fq;
    if (sp.folded) return this.p.foldedEncoded.mayOccurIn(core, span.lo, span.hi + 1);
    const forward = this.p.folded.forward;
    return this.p.foldedEncoded.mayOccurIn(core, forward[span.lo]!, forward[span.hi]! + 2);
  }

  /** The quote with its whole context, nearest first; AMBIGUOUS if a rival is about as near. */
  private wholeContextIn(sp: Space, span: Span, job: Job): Choice {
    if (sp.prefix === null || sp.suffix === null) return undefined;
    const before = sp.prefix.length;
    const after = sp.suffix.length;
    if (span.lo === 0 && span.hi === sp.text.length) {
      // The whole text: two forward scans say whether the context is nowhere, in one place, or
      // in several; with several, only one near the expected place could still be chosen.
      const anywhere = this.wholeContextPlaces(sp, 0, sp.text.length, 2, false);
      if (anywhere.length === 0) return undefined;
      if (anywhere.length === 1) return this.candidate(sp, anywhere[0]!, job.q);
      const near = { lo: sp.at - this.window, hi: sp.at + sp.quote.length + this.window };
      if (
        !job.hasPosition ||
        this.wholeContextPlaces(sp, near.lo - before, near.hi + after, 1).length === 0
      )
        return AMBIGUOUS;
    }
    const [s] = this.wholeContextPlaces(sp, span.lo - before, span.hi + after, 1);
    if (s === undefined) return undefined;
    const first = this.candidate(sp, s, job.q);
    // Only a rival within `clearlyNearer` reach matters; anywhere without a position, or when
    // the first is already far from it (nearness among far places is no evidence).
    const near = job.hasPosition && first.distance <= this.window;
    const reach = near ? 2 * first.distance + NEARNESS_MARGIN : sp.text.length;
    const places = this.wholeContextPlaces(
      sp,
      sp.at - reach - before,
      sp.at + sp.quote.length + reach + after,
      2,
      near,
    );
    const rival = places.find((other) => other !== s);
    if (rival === undefined) return first;
    return near && clearlyNearer(first, this.candidate(sp, rival, job.q)) ? first : AMBIGUOUS;
  }

  /** Up to `limit` starts of the quote with its whole context in `[lo, hi)`, nearest first. */
  private wholeContextPlaces(
    sp: Space,
    lo: number,
    hi: number,
    limit: number,
    nearestFirst = true,
  ): number[] {
    const prefix = sp.prefix ?? "";
    const suffix = sp.suffix ?? "";
    sp.needle ??= prefix + sp.quote + suffix;
    const needle = sp.needle;
    const from = Math.max(0, lo);
    const to = Math.min(sp.text.length, hi);
    const places: number[] = [];
    if (!this.needleMayBeIn(sp, needle, prefix.length, from, to)) return places;
    // Most contexts are nowhere intact (that is why the search got this far): one forward
    // pass says so, where the nearest-first walk would search both ways.
    if (to - from > 4 * this.window && sp.text.indexOf(needle, from) === -1) return places;
    let examined = 0;
    const starts = nearestFirst
      ? nearestOccurrences(sp.text, needle, sp.at - prefix.length, from, to)
      : forwardOccurrences(sp.text, needle, from, to);
    for (const w of starts) {
      if (++examined > MAX_CANDIDATES) break;
      const s = w + prefix.length;
      // An empty side is the text's edge: the quote must touch it.
      const edges =
        (prefix !== "" || s === 0) && (suffix !== "" || s + sp.quote.length === sp.text.length);
      if (edges && places.push(s) >= limit) break;
    }
    return places;
  }

  /**
   * False when the quote with its whole context certainly starts nowhere in `[from, to)`, by
   * the folded text's trigram index as in {@link mayBeIn} (unless it is right at the expected
   * place): a context edited near its quote is otherwise looked for through the whole span.
   */
  private needleMayBeIn(
    sp: Space,
    needle: string,
    before: number,
    from: number,
    to: number,
  ): boolean {
    if (from >= to || sp.text.startsWith(needle, sp.at - before)) return true;
    const encoded = this.p.foldedEncoded;
    if (sp.folded) return encoded.mayOccurIn(needle, from, to);
    if (sp.foldedNeedle === undefined) {
      const folded = this.p.fold(needle);
      sp.foldedNeedle = folded.charCodeAt(0) === 0x20 ? folded.slice(1) : folded;
    }
    const forward = this.p.folded.forward;
    return encoded.mayOccurIn(sp.foldedNeedle, forward[from]!, forward[to]! + 2);
  }

  /** Acceptable approximate matches of the folded quote inside folded `span`. */
  private fuzzyIn(span: Span, job: Job): Choice {
    const { q, fold } = job;
    const maxErrors = Math.min(Math.floor(q.fq.length * this.rate), 256);
    // With no edit allowed this would be the normalised step again.
    if (maxErrors === 0) return undefined;
    let matches = approxSearch(this.p.foldedEncoded, q.fq, maxErrors, span.lo, span.hi);
    if (matches.length > MAX_CANDIDATES) {
      // Scoring context costs more than matching: only the nearest are scored.
      const away = (m: { start: number }) => Math.abs(m.start - fold.at);
      matches = matches.sort((a, b) => away(a) - away(b)).slice(0, MAX_CANDIDATES);
    }
    // Fewest errors first: once even an intact context could not bring a match near the best
    // score found, neither can any after it (scoring context is what costs).
    matches.sort((a, b) => a.errors - b.errors);
    const accepted: Candidate[] = [];
    let top = Number.NEGATIVE_INFINITY;
    for (const m of matches) {
      const quoteScore = 1 - m.errors / q.fq.length;
      if (cannotCompete(quoteScore, top)) break;
      const c = this.foldedCandidate(m.start, m.end, quoteScore, q, fold.at);
      const longAndClose = q.fq.length >= 2 * LONG_QUOTE && c.quoteScore >= 0.85;
      if (contextAgrees(c, q) || longAndClose) {
        accepted.push(c);
        top = Math.max(top, score(c));
      }
    }
    return choose(accepted, job.hasPosition, this.window);
  }

  /** Scores an exact occurrence at original UTF-16 `[s, e)`; context compared in folded form. */
  private rawCandidate(s: number, e: number, q: Query | null, expected: number): Candidate {
    const text = this.p.text;
    const folded = this.p.folded;
    const ns = folded.forward[s]!;
    const ne = folded.forward[e]!;
    const prefix = q?.prefix ?? null;
    const suffix = q?.suffix ?? null;
    const samePrefix =
      prefix !== null &&
      (prefix.length > 0
        ? s >= prefix.length && text.startsWith(prefix, s - prefix.length)
        : s === 0);
    const sameSuffix =
      suffix !== null && (suffix.length > 0 ? text.startsWith(suffix, e) : e === text.length);
    return {
      s,
      e,
      ns,
      ne,
      quoteScore: 1,
      prefixScore: samePrefix ? 1 : q ? prefixScore(folded.text, ns, q) : 0,
      suffixScore: sameSuffix ? 1 : q ? suffixScore(folded.text, ne, q) : 0,
      distance: Math.abs(s - expected),
    };
  }

  private foldedCandidate(
    ns: number,
    ne: number,
    quoteScore: number,
    q: Query,
    fExpected: number,
  ): Candidate {
    const folded = this.p.folded;
    return {
      s: folded.start[ns]!,
      e: folded.end[ne - 1]!,
      ns,
      ne,
      quoteScore,
      prefixScore: prefixScore(folded.text, ns, q),
      suffixScore: suffixScore(folded.text, ne, q),
      distance: Math.abs(ns - fExpected),
    };
  }

  /** Converts a candidate to code points, widened to whole grapheme clusters. */
  private found(c: Candidate, via: "position" | StepKind, q?: Query): AnchorResult {
    const s = this.p.graphemes.before(c.s);
    const e = this.p.graphemes.after(c.e);
    const start = this.p.offsets.fromUtf16(s, "before");
    const end = this.p.offsets.fromUtf16(e, "after");
    if (via === "fuzzy") {
      return { state: "drifted", start, end, score: Math.round(score(c) * 1000) / 1000, via };
    }
    // "position" and "quote" promise the range holds exactly the stored quote; marks added on
    // its letters (taken in by the grapheme widening) or other letter forms make it normalised.
    const exact = q === undefined || this.p.text.slice(s, e) === q.exact;
    const kind = via === "normalised" ? "quote" : via;
    return { state: "anchored", start, end, score: 1, via: exact ? kind : "normalised" };
  }
}

/** True when the whole competition for `c` (rivals within reach) lay inside `span`. */
function settled(c: Candidate, sp: Space, span: Span): boolean {
  const reach = 2 * c.distance + NEARNESS_MARGIN;
  return (
    (span.lo === 0 || sp.at - reach >= span.lo) &&
    (span.hi === sp.text.length || sp.at + sp.quote.length + reach <= span.hi)
  );
}

/** Starts of `needle` lying inside `text[lo, hi)`, in text order. */
function* forwardOccurrences(
  text: string,
  needle: string,
  lo: number,
  hi: number,
): Generator<number> {
  let at = text.indexOf(needle, lo);
  while (at !== -1 && at + needle.length <= hi) {
    yield at;
    at = text.indexOf(needle, at + 1);
  }
}

function isCandidate(c: Choice): c is Candidate {
  return c !== undefined && c !== AMBIGUOUS;
}

export function isQuote(s: TextSelector): s is TextQuoteSelector {
  return s?.type === "TextQuoteSelector" && typeof s.exact === "string" && s.exact.length > 0;
}

export function isPosition(s: TextSelector): s is TextPositionSelector {
  return (
    s?.type === "TextPositionSelector" &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end >= 0
  );
}
