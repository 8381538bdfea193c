import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { anchor, anchorMany } from "./anchor";
import { importPlainText } from "./import-plain";
import { describeRange } from "./selectors";

const seed = importPlainText(seedBytes).text;
const length = [...seed].length;

/** Adds a fatha after every letter from ب on: a text that only gained tashkeel. */
function vowel(text: string): string {
  return text.replace(/[\u0628-\u064a]/g, (c) => `${c}\u064e`);
}

/** Start offsets of the standalone word `word` in the seed (no astral characters, so UTF-16 = code points). */
function standalone(word: string): number[] {
  return [...seed.matchAll(new RegExp(`(?<=[ \\n])${word}(?= )`, "g"))].map((m) => m.index);
}

describe("very short quotes", () => {
  const waws = standalone("و").filter((_, k) => k % 5 === 0);
  const fis = standalone("في");

  test("the seed has many of them, so context must do the work", () => {
    expect(waws.length).toBeGreaterThan(15);
    expect(fis.length).toBeGreaterThan(10);
  });

  test("a single letter و and a two-letter في find themselves, with or without the position", () => {
    const inserted = `سطر جديد في البداية و فيه و.\n${seed}`;
    const shift = "سطر جديد في البداية و فيه و.\n".length;
    const quotes: Array<[number, number]> = [
      ...waws.map((a): [number, number] => [a, 1]),
      ...fis.map((a): [number, number] => [a, 2]),
    ];
    for (const [at, size] of quotes) {
      const d = describeRange(seed, { start: at, end: at + size });
      expect(anchor(seed, [d.quote])).toMatchObject({
        state: "anchored",
        start: at,
        end: at + size,
      });
      expect(anchor(inserted, d.selectors)).toMatchObject({
        state: "anchored",
        start: at + shift,
        end: at + shift + size,
      });
    }
  });

  test("with tashkeel added, a single letter anchors via normalised on its own vowelled letter", () => {
    const edited = vowel(seed);
    for (const at of waws) {
      const d = describeRange(seed, { start: at, end: at + 1 });
      const result = anchor(edited, d.selectors);
      expect(result).toMatchObject({ state: "anchored", via: "normalised" });
      if (result.state !== "anchored") continue;
      // The same letter: as many letters precede it as before.
      const letters = (s: string) => s.replace(/[\u064b-\u065f]/g, "").length;
      expect(letters(edited.slice(0, result.start))).toBe(at);
      expect(edited.slice(result.start, result.end).replace(/\u064e/g, "")).toBe("و");
    }
  });

  test("a deleted single letter orphans instead of landing on one of hundreds of others", () => {
    for (const at of waws) {
      const d = describeRange(seed, { start: at, end: at + 1 });
      const edited = seed.slice(0, at - 30) + seed.slice(at + 30);
      expect(anchor(edited, d.selectors)).toMatchObject({ state: "orphaned" });
    }
  });
});

describe("quotes across the block separator and at the text's ends", () => {
  const breaks = [...seed.matchAll(/\n/g)].map((m) => m.index).filter((nl) => nl + 6 < length);

  test("a quote spanning \\n anchors after insertions and after tashkeel", () => {
    for (const nl of breaks) {
      const d = describeRange(seed, { start: nl - 6, end: nl + 6 });
      expect(d.quote.exact).toContain("\n");
      expect(anchor(seed, [d.quote])).toMatchObject({
        state: "anchored",
        start: nl - 6,
        end: nl + 6,
      });
      expect(anchor(`مقدمة.\n${seed}`, d.selectors)).toMatchObject({
        state: "anchored",
        start: nl + 1,
        end: nl + 13,
      });
      expect(anchor(vowel(seed), d.selectors)).toMatchObject({
        state: "anchored",
        via: "normalised",
      });
    }
  });

  test("the first and last words (empty prefix or suffix) survive text added around them", () => {
    const first = describeRange(seed, { start: 0, end: 2 });
    const last = describeRange(seed, { start: length - 4, end: length });
    expect(first.quote.prefix).toBe("");
    expect(last.quote.suffix).toBe("");
    const edited = `عنوان جديد\n${seed}\nخاتمة`;
    expect(anchor(edited, first.selectors)).toMatchObject({
      state: "anchored",
      start: 11,
      end: 13,
    });
    expect(anchor(edited, [first.quote])).toMatchObject({ state: "anchored", start: 11, end: 13 });
    expect(anchor(edited, last.selectors)).toMatchObject({
      state: "anchored",
      start: length + 7,
      end: length + 11,
    });
    expect(anchor(vowel(seed), first.selectors)).toMatchObject({
      state: "anchored",
      via: "normalised",
      start: 0,
    });
    const vowelled = vowel(seed);
    expect(anchor(vowelled, last.selectors)).toMatchObject({
      state: "anchored",
      via: "normalised",
      end: [...vowelled].length,
    });
  });

  test("a quote that is the whole text anchors on it, and on nothing else", () => {
    const d = describeRange("يتبع", { start: 0, end: 4 });
    expect(d.quote).toMatchObject({ prefix: "", suffix: "" });
    expect(anchor("يتبع", [d.quote])).toMatchObject({ state: "anchored", start: 0, end: 4 });
    expect(anchor("يَتْبَع", d.selectors)).toMatchObject({ state: "anchored", via: "normalised" });
  });

  test("a text edited to be empty orphans every annotation, without throwing", () => {
    const sets = [0, 100, length - 4].map(
      (s) => describeRange(seed, { start: s, end: s + 4 }).selectors,
    );
    for (const text of ["", "\n", " "]) {
      expect(anchorMany(text, sets)).toEqual(
        sets.map(() => ({ state: "orphaned", reason: "not_found" })),
      );
      expect(anchor(text, sets[0]!)).toEqual({ state: "orphaned", reason: "not_found" });
    }
  });
});
