import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { importPlainText } from "./import-plain";
import { segmentSentences, segmentWords } from "./segment";

const seed = importPlainText(seedBytes).text;

describe("segmentWords", () => {
  test("splits Arabic words and leaves out punctuation", () => {
    expect(segmentWords('قال لينين، "اتظن ان ١٩١٧؟"').map((w) => w.text)).toEqual([
      "قال",
      "لينين",
      "اتظن",
      "ان",
      "١٩١٧",
    ]);
  });

  test("keeps tashkeel and ZWNJ inside words, drops tatweel-only runs", () => {
    expect(segmentWords("تَرُوتْسْكِيّ ـــ مي\u200cخواهم").map((w) => w.text)).toEqual([
      "تَرُوتْسْكِيّ",
      "مي\u200cخواهم",
    ]);
  });

  test("bidi controls never glue words together (Trojan source)", () => {
    const words = segmentWords("و\u202eabc\u202c \u2067لينين\u2069");
    expect(words.map((w) => w.text)).toEqual(["و", "abc", "لينين"]);
    expect(words[2]).toMatchObject({ start: 8, end: 13 });
  });

  test("offsets are code points past emoji", () => {
    expect(segmentWords("😀 لينين")).toEqual([{ start: 2, end: 7, text: "لينين" }]);
  });

  test("the seed has about as many words as whitespace says", () => {
    const count = segmentWords(seed).length;
    expect(count).toBeGreaterThan(800);
    expect(count).toBeLessThan(860);
  });
});

describe("segmentSentences", () => {
  test("ends sentences at . ! ? ؟ and line breaks, not at ، or ؛", () => {
    const text = "ما هذا؟ هذا كتاب، و قلم؛ ثم ماذا! انتهى.\nسطر جديد";
    expect(segmentSentences(text).map((s) => s.text)).toEqual([
      "ما هذا؟",
      "هذا كتاب، و قلم؛ ثم ماذا!",
      "انتهى.",
      "سطر جديد",
    ]);
  });

  test("does not break after abbreviations like د.", () => {
    expect(segmentSentences("قال د. محمد شيئا. ثم مضى.").map((s) => s.text)).toEqual([
      "قال د. محمد شيئا.",
      "ثم مضى.",
    ]);
  });

  test("sentences of the seed never cross a paragraph and cover its text", () => {
    const sentences = segmentSentences(seed);
    expect(sentences.length).toBeGreaterThan(30);
    for (const s of sentences) {
      expect(s.text.includes("\n")).toBe(false);
      expect([...seed].slice(s.start, s.end).join("")).toBe(s.text);
    }
    expect(sentences.at(-1)?.text).toBe("يتبع");
  });
});
