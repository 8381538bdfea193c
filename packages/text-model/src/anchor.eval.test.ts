import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type AnchorResult, anchorMany } from "./anchor";
import { importPlainText } from "./import-plain";
import { type TextPositionSelector, type TextQuoteSelector, describeRange } from "./selectors";

/**
 * Anchoring evaluation: a few hundred annotations on the seed, re-anchored after each kind of
 * edit. Every character of the edited text remembers where it came from, so the true place
 * of each annotation after the edit is known; an anchor is misplaced when it is not orphaned
 * and covers less than half of what survives of its passage (or the passage is gone), or,
 * when `anchored`, differs from the surviving passage at all. An `anchored` result that claims
 * the exact quote (`via` position or quote) must also hold exactly the stored quote.
 */

const seed = importPlainText(
  readFileSync(new URL("./__fixtures__/seed.ar.txt", import.meta.url)),
).text;

/** A text whose characters know their offset in the seed (-1 for inserted ones). */
class TrackedText {
  chars: Array<{ c: string; from: number }>;
  constructor(text: string) {
    this.chars = [...text].map((c, from) => ({ c, from }));
  }
  get text(): string {
    return this.chars.map((x) => x.c).join("");
  }
  find(needle: string, nth = 0): number {
    let at = -1;
    for (let k = 0; k <= nth; k++) {
      at = this.text.indexOf(needle, at + 1);
      if (at === -1) throw new Error(`not found: ${needle}`);
    }
    return at;
  }
  splice(at: number, remove: number, insert = ""): void {
    this.chars.splice(at, remove, ...[...insert].map((c) => ({ c, from: -1 })));
  }
  /** Replaces `needle` by `by`, keeping their common head and tail (as a diff would). */
  replace(needle: string, by: string, nth = 0): void {
    let head = 0;
    while (head < needle.length && head < by.length && needle[head] === by[head]) head++;
    let tail = 0;
    while (
      tail < needle.length - head &&
      tail < by.length - head &&
      needle.at(-1 - tail) === by.at(-1 - tail)
    )
      tail++;
    this.splice(
      this.find(needle, nth) + head,
      needle.length - head - tail,
      by.slice(head, by.length - tail),
    );
  }
  /** Moves line (block) `line` to before line `before` (or to the end when before = -1). */
  moveLine(line: number, before: number): void {
    const lines = this.lines();
    const moved = lines[line]!;
    const rest = lines.filter((_, k) => k !== line);
    const target = before === -1 ? rest.length : rest.indexOf(lines[before]!);
    rest.splice(target, 0, moved);
    const nl = { c: "\n", from: -1 };
    this.chars = rest.flatMap((l, k) => (k === 0 ? l : [nl, ...l]));
  }
  private lines(): Array<Array<{ c: string; from: number }>> {
    const out: Array<Array<{ c: string; from: number }>> = [[]];
    for (const x of this.chars) {
      if (x.c === "\n") out.push([]);
      else out[out.length - 1]!.push(x);
    }
    return out;
  }
  /** Where the seed range [s, e) is now: the span of its surviving characters, and how many. */
  truth(
    s: number,
    e: number,
  ): { start: number; end: number; survived: number; inserted: number } | null {
    let start = -1;
    let end = -1;
    let survived = 0;
    this.chars.forEach((x, k) => {
      if (x.from >= s && x.from < e) {
        if (start === -1) start = k;
        end = k + 1;
        survived++;
      }
    });
    // A highlight covers a letter with its marks, including marks added after the edit.
    while (
      end !== -1 &&
      end < this.chars.length &&
      this.chars[end]!.from === -1 &&
      /\p{M}/u.test(this.chars[end]!.c)
    )
      end++;
    const inserted = this.chars
      .slice(start, end)
      .filter((x) => x.from === -1 && !/\p{M}/u.test(x.c)).length;
    return start === -1 ? null : { start, end, survived, inserted };
  }
}

/** Deterministic pseudo-random numbers (a small LCG), so the evaluation is reproducible. */
function random(seedValue: number): () => number {
  let x = seedValue;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function buildAnnotations(): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const word of ["لينين", "تروتسكي", "ليني "]) {
    for (let at = seed.indexOf(word); at !== -1; at = seed.indexOf(word, at + 1)) {
      ranges.push({ start: at, end: at + word.trimEnd().length });
    }
  }
  const words = [...seed.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const next = random(7);
  while (ranges.length < 320) {
    const first = Math.floor(next() * words.length);
    const count = 1 + Math.floor(next() * 10);
    const last = Math.min(words.length - 1, first + count - 1);
    ranges.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return ranges;
}

const TASHKEEL = ["\u064e", "\u064f", "\u0650", "\u0652", "\u0651"];

const edits: Record<string, (t: TrackedText) => void> = {
  insertions: (t) => {
    t.splice(0, 0, "مقدمة قصيرة عن الثورة و رجالها.\n");
    t.splice(t.find("و بعد عامين"), 0, "و هذا ما يؤكده المؤرخون جميعا. ");
    t.splice(t.find("قام ستالين"), 0, "في تلك الاثناء ");
    t.splice(t.find("ان انتصار ثورة"), 0, "فقرة جديدة تماما تتحدث عن لينين و تروتسكي في المنفى.\n");
    t.splice(t.text.length, 0, "\nخاتمة مضافة.");
  },
  deletions: (t) => {
    const sentence = "و بعد عامين من نجاح الثورة كتب لينين متفكرا";
    t.splice(t.find(sentence), sentence.length);
    const s = t.find("ففي الثلاثين من اوت 1918");
    t.splice(s, t.text.indexOf("ثو", s) + 2 - s);
    const lines = t.text.split("\n");
    const start = lines.slice(0, 5).join("\n").length + 1;
    t.splice(start, lines[5]!.length + 1);
  },
  moved: (t) => {
    t.moveLine(2, -1);
    t.moveLine(6, 0);
  },
  // A copy of the second paragraph pasted at the end: every passage in it is now there twice,
  // with the same context; the stored position must settle it, not a guess.
  duplicated: (t) => {
    const lines = t.text.split("\n");
    t.splice(t.chars.length, 0, `\n${lines[1]}`);
  },
  tashkeel: (t) => {
    const next = random(11);
    for (let k = t.chars.length - 1; k >= 0; k--) {
      const c = t.chars[k]!.c;
      if (/[\u0628-\u064a]/.test(c) && next() < 0.4) {
        t.chars.splice(k + 1, 0, { c: TASHKEEL[Math.floor(next() * TASHKEEL.length)]!, from: -1 });
      }
    }
  },
  typos: (t) => {
    t.replace("ليني ", "لينين ");
    t.replace("انشات", "أنشأت");
    t.replace("اخيرا", "أخيرا");
    t.replace("اوكتوبر", "أكتوبر");
    t.replace("تاخر", "تأخر");
    t.replace("سفاردلوف", "سفيردلوف");
  },
  reworded: (t) => {
    t.replace("كان ذلك انشغال بليغ", "كان ذلك انشغالا كبيرا");
    t.replace("و من غير شك", "و بلا ادنى شك");
    t.replace("لا ينفصلان عن بعضهما", "لا يفترقان");
    t.replace("تمت هزيمة", "انتهت هزيمة");
  },
  all: (t) => {
    for (const kind of ["reworded", "typos", "insertions", "deletions", "moved", "tashkeel"])
      edits[kind]!(t);
  },
};

interface Tally {
  anchored: number;
  normalised: number;
  drifted: number;
  orphaned: number;
  ambiguous: number;
  misplaced: number;
  lost: number;
}

function evaluate(kind: string, annotations: Array<{ start: number; end: number }>): Tally {
  const tracked = new TrackedText(seed);
  edits[kind]!(tracked);
  const edited = tracked.text;
  const selectorSets = annotations.map(
    (r) => describeRange(seed, r).selectors as Array<TextQuoteSelector | TextPositionSelector>,
  );
  const results = anchorMany(edited, selectorSets);
  const tally: Tally = {
    anchored: 0,
    normalised: 0,
    drifted: 0,
    orphaned: 0,
    ambiguous: 0,
    misplaced: 0,
    lost: 0,
  };
  results.forEach((result: AnchorResult, k) => {
    tally[result.state]++;
    if (result.state === "anchored" && result.via === "normalised") tally.normalised++;
    if (result.state === "orphaned" && result.reason === "ambiguous") tally.ambiguous++;
    const { start, end } = annotations[k]!;
    const truth = tracked.truth(start, end);
    // Intact: every character survived and nothing but marks came in between.
    const intact = truth !== null && truth.survived === end - start && truth.inserted === 0;
    if (result.state === "orphaned") {
      // An orphan whose passage is still all there is a loss, not an error.
      if (intact) {
        tally.lost++;
        if (process.env.EVAL_VERBOSE)
          console.log(kind, "lost", JSON.stringify(seed.slice(start, end)));
      }
      return;
    }
    const claimsExact = result.state === "anchored" && result.via !== "normalised";
    const quote = selectorSets[k]![0] as TextQuoteSelector;
    const wrong =
      truth === null ||
      (claimsExact && [...edited].slice(result.start, result.end).join("") !== quote.exact) ||
      (result.state === "anchored" && (result.start !== truth.start || result.end !== truth.end)) ||
      overlap(result, truth) < 0.5 * (result.end - result.start);
    if (wrong) {
      tally.misplaced++;
      console.log(
        kind,
        "misplaced",
        seed.slice(start, end),
        "→",
        edited.slice(result.start, result.end),
        result,
      );
    }
  });
  return tally;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

describe("anchoring evaluation on the seed", () => {
  const annotations = buildAnnotations();
  const rows: Array<Record<string, string | number>> = [];

  for (const kind of Object.keys(edits)) {
    test(`${kind}: no annotation lands on the wrong passage`, () => {
      const t = evaluate(kind, annotations);
      const share = (n: number) => `${((100 * n) / annotations.length).toFixed(1)}%`;
      rows.push({
        kind,
        anchored: share(t.anchored),
        "of which normalised": share(t.normalised),
        drifted: share(t.drifted),
        orphaned: share(t.orphaned),
        "of which ambiguous": t.ambiguous,
        misplaced: t.misplaced,
        lost: t.lost,
      });
      expect(t.misplaced).toBe(0);
      expect(t.lost).toBe(0);
      // Vowels alone must not fill anyone's review list.
      if (kind === "tashkeel") expect(t.drifted).toBe(0);
    });
  }

  test("report", () => {
    console.log(`annotations: ${annotations.length}`);
    console.table(rows);
  });
});
