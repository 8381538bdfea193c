import {
  AMBIGUOUS,
  type Candidate,
  type Choice,
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
import { approxSearch } from "./approx-match";
import { type PreparedText, prepareText } from "./prepared-text";
import type { TextPositionSelector, TextQuoteSelector, TextSelector } from "./selectors";

/**
 * Where an annotation landed.
 * - `anchored`: the stored quote is there. `via: "position" | "quote"`: the range holds exactly
 *   the stored quote; `via: "normalised"`: it differs only by what search normalisation ignores
 *   (tashkeel, tatweel, alef/ya/hamza forms, ZWJ/ZWNJ, bidi controls, digits' script), so a
 *   text that merely gained or lost vowels does not flood anyone's review list.
 * - `drifted`: the quote itself was found approximately, with a confidence `score` in [0, 1],
 *   for a review list.
 * - `orphaned`: not found with enough confidence (`not_found`), or found in several places that
 *   neither the context nor the position tells apart (`ambiguous`). Kept, never guessed.
 */
export type AnchorResult =
  | {
      state: "anchored";
      start: number;
      end: number;
      score: 1;
      via: "position" | "quote" | "normalised";
    }
  | { state: "drifted"; start: number; end: number; score: number; via: "fuzzy" }
  | { state: "orphaned"; reason: "not_found" | "ambiguous" | "no_selector" };

/** Tuning of the anchoring steps; the defaults are what the evaluation was run with. */
export interface AnchorOptions {
  /** Most edits allowed in a fuzzy match, as a share of the quote's length. Default 0.25. */
  maxErrorRate?: number;
  /** Half-width, in UTF-16 units, of the window searched first around the expected position. */
  window?: number;
}

/** A quote at least this long (normalised units) is distinctive on its own. */
const LONG_QUOTE = 24;
/** Occurrences examined at most per step, nearest to the expected position first. */
const MAX_CANDIDATES = 500;
/** A fuzzy match near the expected position this good is taken without searching further. */
const NEAR_FUZZY_ENOUGH = 0.9;

/**
 * Anchors stored selectors in a (possibly edited) canonical text. Steps, cheapest first:
 * 1. the position, verified by the quote (and not contradicted by the context);
 * 2. the exact quote, the occurrence chosen by prefix/suffix, then by nearness to the position;
 * 3. the same in the Arabic-normalised text (`anchored`, `via: "normalised"`);
 * 4. an approximate match of the normalised quote with at most `maxErrorRate` edits, accepted
 *    only when its context agrees or the quote is long (`drifted`).
 * Steps 2–4 look near the expected position first, then in the whole text. When several places
 * fit equally well and the position does not clearly pick one, the result is orphaned
 * (`ambiguous`). Returns code-point offsets of the canonical text, widened to whole grapheme
 * clusters. Never throws on odd selectors: they orphan.
 */
export function anchor(
  text: string | PreparedText,
  selectors: readonly TextSelector[],
  options: AnchorOptions = {},
): AnchorResult {
  return new Anchorer(prepareText(text), options).anchor(selectors);
}

/**
 * Anchors many selector sets in one text, sharing one index of it (offset maps, normalised
 * form, grapheme boundaries). Results are in the order of `selectorSets`.
 */
export function anchorMany(
  text: string | PreparedText,
  selectorSets: readonly (readonly TextSelector[])[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const anchorer = new Anchorer(prepareText(text), options);
  // In position order, each anchor tells how far the text has shifted there (insertions and
  // deletions before it); the next one is searched for at its stored position plus that shift.
  const order = selectorSets.map((_, k) => k);
  const startOf = (k: number) => selectorSets[k]!.find(isPosition)?.start ?? -1;
  order.sort((a, b) => startOf(a) - startOf(b));
  const results: AnchorResult[] = new Array(selectorSets.length);
  let shift = 0;
  for (const k of order) {
    const result = anchorer.anchor(selectorSets[k]!, shift);
    const start = startOf(k);
    if (result.state !== "orphaned" && start >= 0) shift = result.start - start;
    results[k] = result;
  }
  return results;
}

interface Span {
  lo: number;
  hi: number;
}

/** The original text or its folded form, with the quote and context in the same form. */
interface Space {
  text: string;
  quote: string;
  prefix: string | null;
  suffix: string | null;
  /** Expected start of the quote in this space. */
  at: number;
  /** Scores an occurrence of the quote starting at `s` (units of this space). */
  candidate(s: number): Candidate;
}

interface Step {
  via: "quote" | "normalised" | "fuzzy";
  search: (span: Span) => Choice;
  at: number;
  length: number;
  total: number;
  /** Lowest score for a near result to be taken without looking at the whole text. */
  enough: number;
}

const NOT_FOUND: AnchorResult = { state: "orphaned", reason: "not_found" };

class Anchorer {
  private readonly rate: number;
  private readonly window: number;

  constructor(
    private readonly p: PreparedText,
    options: AnchorOptions,
  ) {
    this.rate = options.maxErrorRate ?? 0.25;
    this.window = options.window ?? 2000;
  }

  /** `shift`: how far (code points) the text is believed to have moved at the stored position. */
  anchor(selectors: readonly TextSelector[], shift = 0): AnchorResult {
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
    const hasPosition = position !== undefined;
    const clamp = (cp: number) => Math.max(0, Math.min(cp, offsets.length));
    const expected = hasPosition ? offsets.toUtf16(clamp(position.start + shift)) : 0;
    const [raw, normalised, fuzzy] = this.steps(q, expected, hasPosition);
    // Exact and normalised matches anywhere outrank an approximate one nearby: a look-alike next
    // to the expected place must not win over the real passage moved further away.
    const plan: Array<[Step, "near" | "everywhere"]> = hasPosition
      ? [
          [raw, "near"],
          [normalised, "near"],
          [raw, "everywhere"],
          [normalised, "everywhere"],
          [fuzzy, "near"],
          [fuzzy, "everywhere"],
        ]
      : [
          [raw, "everywhere"],
          [normalised, "everywhere"],
          [fuzzy, "everywhere"],
        ];
    for (const [step, where] of plan) {
      if (where === "near") {
        const span = {
          lo: Math.max(0, step.at - this.window),
          hi: Math.min(step.total, step.at + step.length + this.window),
        };
        const c = step.search(span);
        if (isCandidate(c) && score(c) >= step.enough && settled(c, step, span))
          return this.found(c, step.via, q);
      } else {
        const c = step.search({ lo: 0, hi: step.total });
        if (c === AMBIGUOUS) return { state: "orphaned", reason: "ambiguous" };
        if (c) return this.found(c, step.via, q);
      }
    }
    return NOT_FOUND;
  }

  private query(quote: TextQuoteSelector): Query {
    // Taken as stored: selectors are in the canonical (NFC) form; importers convert them.
    const side = (s: unknown) => (typeof s === "string" ? s : null);
    const exact = quote.exact;
    const prefix = side(quote.prefix);
    const suffix = side(quote.suffix);
    // A side stored as marks or controls only folds to nothing: that is no context, not an edge.
    const fold = (side: string | null) => {
      if (side === null) return null;
      const folded = this.p.fold(side);
      return folded === "" && side !== "" ? null : folded;
    };
    return { exact, prefix, suffix, fq: this.p.fold(exact), fp: fold(prefix), fs: fold(suffix) };
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

  private steps(q: Query, expected: number, hasPosition: boolean): [Step, Step, Step] {
    const folded = this.p.folded;
    const fExpected = folded.forward[expected]!;
    const raw: Space = {
      text: this.p.text,
      quote: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      at: expected,
      candidate: (s) => this.rawCandidate(s, s + q.exact.length, q, expected),
    };
    const fold: Space = {
      text: folded.text,
      quote: q.fq,
      prefix: q.fp,
      suffix: q.fs,
      at: fExpected,
      candidate: (ns) => this.foldedCandidate(ns, ns + q.fq.length, 1, q, fExpected),
    };
    const inRaw = { at: expected, length: q.exact.length, total: this.p.text.length };
    const inFolded = { at: fExpected, length: q.fq.length, total: folded.text.length };
    // A quote of only spaces, marks or controls has nothing to match once normalised.
    const foldable = q.fq.trim() !== "";
    return [
      { via: "quote", search: (span) => this.exactIn(raw, q, span, hasPosition), ...inRaw, enough: 0 },
      {
        via: "normalised",
        search: (span) => (foldable ? this.exactIn(fold, q, span, hasPosition) : undefined),
        ...inFolded,
        enough: 0,
      },
      {
        via: "fuzzy",
        search: (span) => (foldable ? this.fuzzyIn(q, fExpected, span, hasPosition) : undefined),
        ...inFolded,
        enough: NEAR_FUZZY_ENOUGH,
      },
    ];
  }

  /**
   * Exact occurrences of the quote inside `span` of a space: the quote with its whole stored
   * context settles it at once (unless it occurs twice); otherwise context picks among repeats.
   */
  private exactIn(sp: Space, q: Query, span: Span, hasPosition: boolean): Choice {
    if (sp.quote.length === 0) return undefined;
    const whole = this.wholeContextIn(sp, span, hasPosition);
    if (whole !== undefined) return whole;
    const accepted: Candidate[] = [];
    let unique: boolean | undefined;
    let perfect: Candidate | undefined;
    let examined = 0;
    for (const s of nearestOccurrences(sp.text, sp.quote, sp.at, span.lo, span.hi)) {
      const c = sp.candidate(s);
      // Past this distance nothing can compete with a perfect match (see `choose`).
      if (perfect && hasPosition && clearlyNearer(perfect, c)) break;
      if (contextAgrees(c, q)) accepted.push(c);
      else if (q.fq.length >= LONG_QUOTE) {
        unique ??= sp.text.indexOf(sp.quote) === sp.text.lastIndexOf(sp.quote);
        if (unique) accepted.push(c);
      }
      if (perfectContext(c, q)) perfect ??= c;
      if (++examined >= MAX_CANDIDATES) break;
    }
    return choose(accepted, hasPosition);
  }

  /** The quote with its whole context, nearest first; AMBIGUOUS if a rival is about as near. */
  private wholeContextIn(sp: Space, span: Span, hasPosition: boolean): Choice {
    const { text, quote, prefix, suffix } = sp;
    if (prefix === null || suffix === null) return undefined;
    const needle = prefix + quote + suffix;
    // An empty side is the text's edge: the quote must touch it.
    const places = function* (lo: number, hi: number) {
      let examined = 0;
      for (const w of nearestOccurrences(text, needle, sp.at - prefix.length, lo, hi)) {
        if (++examined > MAX_CANDIDATES) return;
        const s = w + prefix.length;
        if ((prefix === "" && s !== 0) || (suffix === "" && s + quote.length !== text.length))
          continue;
        yield s;
      }
    };
    const [s] = places(Math.max(0, span.lo - prefix.length), Math.min(text.length, span.hi + suffix.length));
    if (s === undefined) return undefined;
    const first = sp.candidate(s);
    // Only a rival within `clearlyNearer` reach matters, or anywhere without a position.
    const reach = hasPosition ? 2 * first.distance + NEARNESS_MARGIN : text.length;
    const lo = Math.max(0, sp.at - reach - prefix.length);
    const hi = Math.min(text.length, sp.at + quote.length + reach + suffix.length);
    for (const other of places(lo, hi)) {
      if (other === s) continue;
      return hasPosition && clearlyNearer(first, sp.candidate(other)) ? first : AMBIGUOUS;
    }
    return first;
  }

  /** Acceptable approximate matches of the folded quote inside folded `span`. */
  private fuzzyIn(q: Query, fExpected: number, span: Span, hasPosition: boolean): Choice {
    const maxErrors = Math.min(Math.floor(q.fq.length * this.rate), 256);
    // With no edit allowed this would be the normalised step again.
    if (maxErrors === 0) return undefined;
    let matches = approxSearch(this.p.folded.text, q.fq, maxErrors, span.lo, span.hi);
    if (matches.length > MAX_CANDIDATES) {
      // Scoring context costs more than matching: only the nearest are scored.
      const away = (m: { start: number }) => Math.abs(m.start - fExpected);
      matches = matches.sort((a, b) => away(a) - away(b)).slice(0, MAX_CANDIDATES);
    }
    const accepted: Candidate[] = [];
    for (const m of matches) {
      const c = this.foldedCandidate(m.start, m.end, 1 - m.errors / q.fq.length, q, fExpected);
      const longAndClose = q.fq.length >= 2 * LONG_QUOTE && c.quoteScore >= 0.85;
      if (contextAgrees(c, q) || longAndClose) accepted.push(c);
    }
    return choose(accepted, hasPosition);
  }

  /** Scores an exact occurrence at original UTF-16 `[s, e)`; context compared in folded form. */
  private rawCandidate(s: number, e: number, q: Query | null, expected: number): Candidate {
    const text = this.p.text;
    const folded = this.p.folded;
    const ns = folded.forward[s]!;
    const ne = folded.forward[e]!;
    const same = (side: string | null, from: number, to: number, edge: boolean) =>
      side !== null && text.slice(from, to) === side && (side.length > 0 || edge);
    const prefix = q?.prefix ?? null;
    const suffix = q?.suffix ?? null;
    const samePrefix = same(prefix, Math.max(0, s - (prefix?.length ?? 0)), s, s === 0);
    const sameSuffix = same(suffix, e, e + (suffix?.length ?? 0), e === text.length);
    return {
      s,
      e,
      ns,
      ne,
      quoteScore: 1,
      prefixScore: samePrefix ? 1 : prefixScore(folded.text, ns, q?.fp ?? null),
      suffixScore: sameSuffix ? 1 : suffixScore(folded.text, ne, q?.fs ?? null),
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
      prefixScore: prefixScore(folded.text, ns, q.fp),
      suffixScore: suffixScore(folded.text, ne, q.fs),
      distance: Math.abs(ns - fExpected),
    };
  }

  /** Converts a candidate to code points, widened to whole grapheme clusters. */
  private found(
    c: Candidate,
    via: "position" | "quote" | "normalised" | "fuzzy",
    q?: Query,
  ): AnchorResult {
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
function settled(c: Candidate, step: Step, span: Span): boolean {
  const reach = 2 * c.distance + NEARNESS_MARGIN;
  return (
    (span.lo === 0 || step.at - reach >= span.lo) &&
    (span.hi === step.total || step.at + step.length + reach <= span.hi)
  );
}

function isCandidate(c: Choice): c is Candidate {
  return c !== undefined && c !== AMBIGUOUS;
}

function isQuote(s: TextSelector): s is TextQuoteSelector {
  return s?.type === "TextQuoteSelector" && typeof s.exact === "string" && s.exact.length > 0;
}

function isPosition(s: TextSelector): s is TextPositionSelector {
  return (
    s?.type === "TextPositionSelector" &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end >= 0
  );
}
