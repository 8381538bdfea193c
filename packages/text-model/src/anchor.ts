import { approxSearch, headDistance, tailDistance } from "./approx-match";
import { foldString } from "./normalise-arabic";
import { type PreparedText, prepareText } from "./prepared-text";
import type { TextPositionSelector, TextQuoteSelector, TextSelector } from "./selectors";

/**
 * Where an annotation landed. `anchored`: the stored quote is there, exactly. `drifted`: found
 * by normalised or approximate matching, with a confidence `score` in [0, 1] (for a review
 * list). `orphaned`: not found with enough confidence; the annotation is kept, not guessed.
 */
export type AnchorResult =
  | { state: "anchored"; start: number; end: number; score: 1; via: "position" | "quote" }
  | { state: "drifted"; start: number; end: number; score: number; via: "fuzzy" }
  | { state: "orphaned"; reason: "not_found" | "ambiguous" | "no_selector" };

/** Tuning of the anchoring steps; the defaults are what the evaluation was run with. */
export interface AnchorOptions {
  /** Most edits allowed in a fuzzy match, as a share of the quote's length. Default 0.25. */
  maxErrorRate?: number;
  /** Half-width, in UTF-16 units, of the window searched first around the expected position. */
  window?: number;
}

const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
/** A quote at least this long (normalised units) is distinctive on its own. */
const LONG_QUOTE = 24;
/** Exact occurrences examined at most, nearest to the expected position first. */
const MAX_EXACT_CANDIDATES = 500;

interface Candidate {
  /** Original UTF-16 range. */
  s: number;
  e: number;
  /** Folded-text range. */
  ns: number;
  ne: number;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  distance: number;
}

/**
 * Anchors stored selectors in a (possibly edited) canonical text. Steps, cheapest first:
 * 1. the position, verified by the quote (and not contradicted by the context);
 * 2. the exact quote, the occurrence chosen by prefix/suffix, then nearness to the position;
 * 3. an approximate match of the quote in the Arabic-normalised text (tashkeel, hamza forms…
 *    ignored) with at most `maxErrorRate` edits, searched near the expected position first,
 *    then in the whole text; accepted only when its context agrees or the quote is long.
 * Returns code-point offsets of the canonical text. Never throws on odd selectors: they orphan.
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
    const text = this.p.text;
    const offsets = this.p.offsets;
    const validPosition =
      position && position.start < position.end && position.end <= offsets.length;
    const clamp = (cp: number) => Math.max(0, Math.min(cp, offsets.length));
    const stored = position ? offsets.toUtf16(clamp(position.start)) : 0;
    const expected = position ? offsets.toUtf16(clamp(position.start + shift)) : 0;

    if (!quote) {
      if (!validPosition) return { state: "orphaned", reason: "no_selector" };
      return this.result(
        "anchored",
        offsets.toUtf16(position.start),
        offsets.toUtf16(position.end),
        1,
        "position",
      );
    }
    const exact = quote.exact;
    const fq = foldString(exact);
    const fp = foldString(quote.prefix ?? "");
    const fs = foldString(quote.suffix ?? "");

    // 1. Position verified by quote.
    if (validPosition) {
      const s = stored;
      const e = offsets.toUtf16(position.end);
      if (text.slice(s, e) === exact) {
        if (hasSameContext(text, s, e, quote)) return this.result("anchored", s, e, 1, "position");
        const c = this.exactCandidate(s, e, quote, fp, fs, expected);
        if (
          this.contextAgrees(c, fp, fs) ||
          Math.max(c.prefixScore, c.suffixScore) >= 0.5 ||
          fq.length >= 16
        ) {
          return this.result("anchored", s, e, 1, "position");
        }
      }
    }

    // 2–3 near the expected position, then 4–5 in the whole text (only when needed, so that
    // many anchors on a long text cost about one window each, not one text each).
    const near = {
      lo: Math.max(0, expected - this.window),
      hi: Math.min(text.length, expected + exact.length + this.window),
    };
    const everywhere = { lo: 0, hi: text.length };
    const nearExact = this.exactStep(quote, fq, fp, fs, expected, near);
    if (nearExact) return this.result("anchored", nearExact.s, nearExact.e, 1, "quote");
    // A quote of only spaces, marks or controls has nothing to match approximately.
    const fuzzy = fq.trim() !== "";
    const folded = this.p.folded;
    const fExpected = folded.forward[expected]!;
    const fNear = { lo: folded.forward[near.lo]!, hi: folded.forward[near.hi]! };
    let best = fuzzy ? this.fuzzyStep(fq, fp, fs, fExpected, fNear) : undefined;
    if (best && score(best) >= 0.9)
      return this.result("drifted", best.s, best.e, score(best), "fuzzy");
    if (near.lo > 0 || near.hi < text.length) {
      const farExact = this.exactStep(quote, fq, fp, fs, expected, everywhere);
      if (farExact) return this.result("anchored", farExact.s, farExact.e, 1, "quote");
      const far = fuzzy
        ? this.fuzzyStep(fq, fp, fs, fExpected, { lo: 0, hi: folded.text.length })
        : undefined;
      if (far && (!best || score(far) > score(best))) best = far;
    }
    if (!best) return { state: "orphaned", reason: "not_found" };
    return this.result("drifted", best.s, best.e, score(best), "fuzzy");
  }

  /**
   * Exact quote inside `[lo, hi)` (original UTF-16): the quote with its whole stored context
   * settles it at once; otherwise context picks among repeats and nearness breaks ties.
   */
  private exactStep(
    quote: TextQuoteSelector,
    fq: string,
    fp: string,
    fs: string,
    expected: number,
    span: Span,
  ): Candidate | undefined {
    const text = this.p.text;
    const exact = quote.exact;
    const prefix = quote.prefix ?? "";
    const withContext = prefix + exact + (quote.suffix ?? "");
    if (withContext.length > exact.length) {
      const from = Math.max(0, span.lo - prefix.length);
      const to = Math.min(text.length, span.hi + withContext.length);
      for (const at of nearestOccurrences(text, withContext, expected - prefix.length, from, to)) {
        const s = at + prefix.length;
        if (hasSameContext(text, s, s + exact.length, quote))
          return { ...this.exactCandidate(s, s + exact.length, quote, fp, fs, expected) };
        break;
      }
    }
    const accepted: Candidate[] = [];
    let examined = 0;
    let unique: boolean | undefined;
    for (const s of nearestOccurrences(text, exact, expected, span.lo, span.hi)) {
      const c = this.exactCandidate(s, s + exact.length, quote, fp, fs, expected);
      if (this.contextAgrees(c, fp, fs)) accepted.push(c);
      else if (fq.length >= LONG_QUOTE) {
        unique ??= text.indexOf(exact) === text.lastIndexOf(exact);
        if (unique) accepted.push(c);
      }
      if ((c.prefixScore === 1 && c.suffixScore === 1) || ++examined >= MAX_EXACT_CANDIDATES) break;
    }
    return pickBest(accepted);
  }

  /** Best acceptable approximate match of the folded quote inside folded `[lo, hi)`. */
  private fuzzyStep(
    fq: string,
    fp: string,
    fs: string,
    fExpected: number,
    span: Span,
  ): Candidate | undefined {
    const maxErrors = Math.min(Math.floor(fq.length * this.rate), 256);
    return this.bestFuzzy(
      approxSearch(this.p.folded.text, fq, maxErrors, span.lo, span.hi),
      fq,
      fp,
      fs,
      fExpected,
    );
  }

  private bestFuzzy(
    matches: ReturnType<typeof approxSearch>,
    fq: string,
    fp: string,
    fs: string,
    fExpected: number,
  ): Candidate | undefined {
    const accepted: Candidate[] = [];
    for (const m of matches) {
      const c = this.foldedCandidate(m.start, m.end, 1 - m.errors / fq.length, fp, fs, fExpected);
      const longAndClose = fq.length >= 2 * LONG_QUOTE && c.quoteScore >= 0.85;
      if (this.contextAgrees(c, fp, fs) || longAndClose) accepted.push(c);
    }
    return pickBest(accepted);
  }

  /** Scores an exact occurrence at original UTF-16 `[s, e)`; context compared in folded form. */
  private exactCandidate(
    s: number,
    e: number,
    quote: TextQuoteSelector,
    fp: string,
    fs: string,
    expected: number,
  ): Candidate {
    const text = this.p.text;
    const folded = this.p.folded;
    const ns = folded.forward[s]!;
    const ne = folded.forward[e]!;
    const prefix = quote.prefix ?? "";
    const suffix = quote.suffix ?? "";
    const samePrefix =
      text.slice(Math.max(0, s - prefix.length), s) === prefix && (prefix.length > 0 || s === 0);
    const sameSuffix =
      text.slice(e, e + suffix.length) === suffix && (suffix.length > 0 || e === text.length);
    return {
      s,
      e,
      ns,
      ne,
      quoteScore: 1,
      prefixScore: samePrefix ? 1 : this.prefixScore(ns, fp),
      suffixScore: sameSuffix ? 1 : this.suffixScore(ne, fs),
      distance: Math.abs(s - expected),
    };
  }

  private foldedCandidate(
    ns: number,
    ne: number,
    quoteScore: number,
    fp: string,
    fs: string,
    fExpected: number,
  ): Candidate {
    const folded = this.p.folded;
    return {
      s: folded.start[ns]!,
      e: folded.end[ne - 1]!,
      ns,
      ne,
      quoteScore,
      prefixScore: this.prefixScore(ns, fp),
      suffixScore: this.suffixScore(ne, fs),
      distance: Math.abs(ns - fExpected),
    };
  }

  /** Similarity in [0, 1] of the stored prefix to the folded text just before `ns`. */
  private prefixScore(ns: number, fp: string): number {
    const t = this.p.folded.text;
    if (fp.length === 0) return ns === 0 ? 1 : 0;
    const slack = Math.ceil(fp.length * 0.25) + 2;
    const window = t.slice(Math.max(0, ns - fp.length - slack), ns);
    return Math.max(0, 1 - tailDistance(fp, window) / fp.length);
  }

  /** Similarity in [0, 1] of the stored suffix to the folded text just after `ne`. */
  private suffixScore(ne: number, fs: string): number {
    const t = this.p.folded.text;
    if (fs.length === 0) return ne === t.length ? 1 : 0;
    const slack = Math.ceil(fs.length * 0.25) + 2;
    const window = t.slice(ne, ne + fs.length + slack);
    return Math.max(0, 1 - headDistance(fs, window) / fs.length);
  }

  /**
   * The context is evidence when one side is nearly intact and the two together are more alike
   * than unrelated prose (random Arabic contexts score about 0.2–0.4).
   */
  private contextAgrees(c: Candidate, fp: string, fs: string): boolean {
    if (fp.length === 0 && fs.length === 0) return false;
    if (fp.length === 0) return c.suffixScore >= 0.75;
    if (fs.length === 0) return c.prefixScore >= 0.75;
    return (
      Math.max(c.prefixScore, c.suffixScore) >= 0.75 && (c.prefixScore + c.suffixScore) / 2 >= 0.5
    );
  }

  /** Converts a UTF-16 range to code points, widened to whole grapheme clusters. */
  private result(
    state: "anchored" | "drifted",
    s: number,
    e: number,
    confidence: number,
    via: "position" | "quote" | "fuzzy",
  ): AnchorResult {
    const g = this.p.graphemes;
    const o = this.p.offsets;
    const start = o.fromUtf16(g.before(s), "before");
    const end = o.fromUtf16(g.after(e), "after");
    if (state === "anchored")
      return { state, start, end, score: 1, via: via as "position" | "quote" };
    return { state, start, end, score: Math.round(confidence * 1000) / 1000, via: "fuzzy" };
  }
}

/** True when the stored prefix and suffix are exactly what surrounds `[s, e)`. */
function hasSameContext(text: string, s: number, e: number, quote: TextQuoteSelector): boolean {
  const prefix = quote.prefix ?? "";
  const suffix = quote.suffix ?? "";
  return (
    prefix.length + suffix.length > 0 &&
    (prefix.length > 0 || s === 0) &&
    (suffix.length > 0 || e === text.length) &&
    text.slice(Math.max(0, s - prefix.length), s) === prefix &&
    text.slice(e, e + suffix.length) === suffix
  );
}

function score(c: Candidate): number {
  return (
    (QUOTE_WEIGHT * c.quoteScore + CONTEXT_WEIGHT * (c.prefixScore + c.suffixScore)) /
    (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT)
  );
}

/** Highest score; among equal scores the one nearest the expected position. */
function pickBest(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best) best = c;
    else {
      const d = score(c) - score(best);
      if (d > 1e-9 || (Math.abs(d) <= 1e-9 && c.distance < best.distance)) best = c;
    }
  }
  return best;
}

interface Span {
  lo: number;
  hi: number;
}

/**
 * Start offsets of the occurrences of `needle` lying inside `text[lo, hi)`, nearest to
 * `expected` first, lazily. Searches a slice (O(1) in V8) so a miss costs the window, not the text.
 */
function* nearestOccurrences(
  text: string,
  needle: string,
  expected: number,
  lo: number,
  hi: number,
): Generator<number> {
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const from = Math.max(0, Math.min(expected - lo, window.length));
  let forward = window.indexOf(needle, from);
  let backward = from > 0 ? window.lastIndexOf(needle, from - 1) : -1;
  while (forward !== -1 || backward !== -1) {
    if (backward === -1 || (forward !== -1 && forward - from <= from - backward)) {
      yield lo + forward;
      forward = window.indexOf(needle, forward + 1);
    } else {
      yield lo + backward;
      backward = backward > 0 ? window.lastIndexOf(needle, backward - 1) : -1;
    }
  }
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
