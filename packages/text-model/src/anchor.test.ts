import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { anchor, anchorMany } from "./anchor";
import { importPlainText } from "./import-plain";
import { describeRange } from "./selectors";

const seed = importPlainText(seedBytes).text;

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) found.push(i);
  return found;
}

describe("anchor", () => {
  test("each of the nineteen لينين finds itself after text is inserted before all of them", () => {
    const edited = `مقدمة جديدة فيها لينين و تروتسكي.\n${seed}`;
    const shift = "مقدمة جديدة فيها لينين و تروتسكي.\n".length;
    for (const at of occurrences(seed, "لينين")) {
      const { selectors } = describeRange(seed, { start: at, end: at + 5 });
      expect(anchor(edited, selectors)).toMatchObject({
        state: "anchored",
        start: at + shift,
        end: at + shift + 5,
      });
    }
  });

  test("the look-alike ليني is not taken for لينين, and لينين not for ليني", () => {
    const typo = seed.indexOf("ليني ");
    const lookAlike = describeRange(seed, { start: typo, end: typo + 4 });
    expect(anchor(seed, lookAlike.selectors)).toMatchObject({ state: "anchored", start: typo });
    // Delete the sentence around the typo: it must orphan, not jump to a real لينين.
    const edited = seed.slice(0, typo - 40) + seed.slice(typo + 40);
    expect(anchor(edited, lookAlike.selectors)).toEqual({ state: "orphaned", reason: "not_found" });
  });

  test("a deleted passage orphans instead of landing on a repeat of its words", () => {
    const at = occurrences(seed, "لينين")[1]!;
    const d = describeRange(seed, { start: at, end: at + 5 });
    const sentenceStart = seed.lastIndexOf(".", at) + 1;
    const sentenceEnd = seed.indexOf(".", at) + 1;
    const edited = seed.slice(0, sentenceStart) + seed.slice(sentenceEnd);
    expect(occurrences(edited, "لينين").length).toBeGreaterThan(15);
    expect(anchor(edited, d.selectors).state).toBe("orphaned");
  });

  test("a moved paragraph is found at its new place", () => {
    const lines = seed.split("\n");
    const at = seed.indexOf("قام ستالين");
    const d = describeRange(seed, { start: at, end: at + 30 });
    const moved = [lines[7], ...lines.slice(0, 7), lines[8]].join("\n");
    expect(anchor(moved, d.selectors)).toMatchObject({ state: "anchored", start: 0, end: 30 });
  });

  test("a reworded passage drifts, with a score below 1", () => {
    const at = seed.indexOf("كان ذلك انشغال بليغ");
    const d = describeRange(seed, { start: at, end: at + "كان ذلك انشغال بليغ في ظرف".length });
    const edited = seed.replace("انشغال بليغ", "انشغالا بالغا");
    const result = anchor(edited, d.selectors);
    expect(result).toMatchObject({ state: "drifted", start: at, via: "fuzzy" });
    if (result.state === "drifted") {
      expect(result.score).toBeGreaterThan(0.5);
      expect(result.score).toBeLessThan(1);
      expect(edited.slice(result.start, result.end)).toBe("كان ذلك انشغالا بالغا في ظرف");
    }
  });

  test("a tashkeel-only change anchors (via normalised), not drifted, and covers the marks", () => {
    const at = seed.indexOf("تروتسكي");
    const d = describeRange(seed, { start: at, end: at + 7 });
    const edited = seed.replaceAll("تروتسكي", "تْرُوتْسْكِيّ").replaceAll("لينين", "لِينِين");
    const result = anchor(edited, d.selectors);
    const vowelled = "تْرُوتْسْكِيّ";
    expect(result).toEqual({
      state: "anchored",
      via: "normalised",
      score: 1,
      start: at,
      end: at + vowelled.length,
    });
    // And back: an annotation made on the vowelled text anchors on the bare one.
    const v = describeRange(edited, { start: at, end: at + vowelled.length });
    expect(anchor(seed, v.selectors)).toEqual({
      state: "anchored",
      via: "normalised",
      score: 1,
      start: at,
      end: at + 7,
    });
  });

  test("tatweel, ZWNJ and bidi controls inserted into the text anchor via normalised", () => {
    const at = seed.indexOf("بوخارين");
    const d = describeRange(seed, { start: at, end: at + 7 });
    const edited = seed.replace("بوخارين", "\u2067بوخـــا\u200cرين\u2069");
    expect(anchor(edited, d.selectors)).toEqual({
      state: "anchored",
      via: "normalised",
      score: 1,
      start: at + 1,
      end: at + 12,
    });
  });

  test("a changed hamza form or alef maqsura anchors via normalised", () => {
    const at = seed.indexOf("انشات");
    const d = describeRange(seed, { start: at, end: at + 5 });
    const edited = seed.replace("انشات", "أنشأت").replaceAll("على", "علي");
    expect(anchor(edited, d.selectors)).toMatchObject({
      state: "anchored",
      via: "normalised",
      start: at,
    });
  });

  test("positions are code points: emoji before the quote shift UTF-16 but not the anchor", () => {
    const text = `😀👍🏽 ${seed}`;
    const at = [...text].indexOf("ب");
    const d = describeRange(text, { start: at, end: at + 4 });
    expect(anchor(text, d.selectors)).toMatchObject({
      state: "anchored",
      start: at,
      end: at + 4,
      via: "position",
    });
    expect(anchor(`🎉${text}`, d.selectors)).toMatchObject({
      state: "anchored",
      start: at + 1,
      via: "quote",
    });
  });

  test("NFD text is not the canonical form: import it first, then anchors hold", () => {
    const nfd = seed.replace("انشات", "أنشأت").normalize("NFD");
    const text = importPlainText(nfd).text;
    const at = text.indexOf("أنشأت");
    const d = describeRange(text, { start: at, end: at + 5 });
    expect(anchor(importPlainText(text.normalize("NFD")).text, d.selectors)).toMatchObject({
      state: "anchored",
      start: at,
    });
  });

  test("odd selectors orphan instead of throwing", () => {
    expect(anchor(seed, [])).toEqual({ state: "orphaned", reason: "no_selector" });
    expect(anchor(seed, [{ type: "TextPositionSelector", start: 5, end: 2 }])).toEqual({
      state: "orphaned",
      reason: "no_selector",
    });
    expect(
      anchor(seed, [{ type: "TextQuoteSelector", exact: "كلام غير موجود في النص اصلا" }]).state,
    ).toBe("orphaned");
  });

  test("anchorMany keeps the order of its input", () => {
    const sets = [0, 100, 200].map(
      (start) => describeRange(seed, { start, end: start + 10 }).selectors,
    );
    expect(anchorMany(seed, sets).map((r) => (r.state === "orphaned" ? -1 : r.start))).toEqual([
      0, 100, 200,
    ]);
  });
});
