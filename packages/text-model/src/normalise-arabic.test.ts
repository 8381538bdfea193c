import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { importPlainText } from "./import-plain";
import { foldWithMap, normaliseForSearch } from "./normalise-arabic";
import { searchText } from "./search";

const seed = importPlainText(seedBytes).text;

describe("normaliseForSearch", () => {
  test("drops tashkeel, shadda, sukun, superscript alef, Quranic marks and tatweel", () => {
    expect(normaliseForSearch("تَرُوتْسْكِيّ").text).toBe("تروتسكي");
    expect(normaliseForSearch("هٰذا").text).toBe("هذا");
    expect(normaliseForSearch("الرَّحِيمِ ۝ ۖ").text).toBe("الرحيم ");
    expect(normaliseForSearch("لـــيـنـين").text).toBe("لينين");
  });

  test("unifies alef, ya and hamza forms; ta marbuta only on request", () => {
    expect(normaliseForSearch("أإآٱ").text).toBe("اااا");
    expect(normaliseForSearch("على مسؤول قائد").text).toBe("علي مسوول قايد");
    expect(normaliseForSearch("الثورة").text).toBe("الثورة");
    expect(normaliseForSearch("الثورة", { taMarbuta: true }).text).toBe("الثوره");
  });

  test("maps Arabic-Indic and Persian digits to ASCII", () => {
    expect(normaliseForSearch("١٩١٧ و ۱۹۲۳").text).toBe("1917 و 1923");
  });

  test("drops ZWJ/ZWNJ and bidi controls, including the Trojan-source ones", () => {
    const trojan = "لي\u202eنين\u202c \u2066تروتسكي\u2069 \u2067a\u2068b\u200c\u200dc\u200e\u200f";
    expect(normaliseForSearch(trojan).text).toBe("لينين تروتسكي abc");
  });

  test("NFD Arabic folds like NFC Arabic", () => {
    const nfc = "أؤمن بإسلام آمن";
    expect(normaliseForSearch(nfc.normalize("NFD")).text).toBe(normaliseForSearch(nfc).text);
  });

  test("keeps emoji and other astral characters, lower-cases Latin", () => {
    expect(normaliseForSearch("😀 Lenin 𝔸").text).toBe("😀 lenin 𝔸");
  });

  test("maps offsets back: a hit covers its letters' trailing marks", () => {
    const text = "قالَ لِينِينُ ";
    const n = normaliseForSearch(text);
    const at = n.text.indexOf("لينين");
    expect(n.toOriginal(at)).toBe(5);
    expect(n.toOriginalEnd(at + 5)).toBe(13);
    expect(text.slice(n.toOriginal(at), n.toOriginalEnd(at + 5))).toBe("لِينِينُ");
    expect(n.fromOriginal(5)).toBe(at);
  });

  test("property: offset maps round-trip and stay monotonic", () => {
    const alphabet = fc.constantFrom(
      "ل",
      "أ",
      "ى",
      " ",
      "  ",
      "\u064e",
      "\u0651",
      "ـ",
      "\u200c",
      "\u202e",
      "😀",
      "١",
      "A",
      "ﻻ",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const n = normaliseForSearch(text);
        const length = [...n.text].length;
        let previous = -1;
        for (let i = 0; i <= length; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(previous);
          previous = o;
          // Where a normalised character comes from maps forward to it (or to the first of an expansion).
          expect(n.fromOriginal(o)).toBeLessThanOrEqual(i);
          if (i > 0) expect(n.toOriginalEnd(i)).toBeGreaterThan(n.toOriginal(i - 1));
        }
        const originalLength = [...text].length;
        for (let o = 0; o <= originalLength; o++) {
          const i = n.fromOriginal(o);
          expect(n.toOriginal(i)).toBeGreaterThanOrEqual(o);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("the seed's folded map points at the same letters", () => {
    const f = foldWithMap(seed);
    for (let i = 0; i < f.text.length; i += 97) {
      const original = seed.slice(f.start[i]!, f.end[i]!);
      expect(original.length).toBeGreaterThan(0);
    }
  });
});

describe("searchText", () => {
  test("finds every لينين in the seed, nineteen of them", () => {
    expect(searchText(seed, "لينين")).toHaveLength(19);
  });

  test("finds vowelled, tatweel'd and hamza-variant spellings and highlights the original", () => {
    const text = "قال لِينِّينُ ثم لـيـنين ثم لينين";
    const hits = searchText(text, "لينين");
    expect(hits.map((h) => [...text].slice(h.start, h.end).join(""))).toEqual([
      "لِينِّينُ",
      "لـيـنين",
      "لينين",
    ]);
    expect(searchText("انشات الجمهورية", "أنشأت")).toEqual([{ start: 0, end: 5 }]);
    expect(searchText("سنة ١٩١٧", "1917")).toEqual([{ start: 4, end: 8 }]);
  });

  test("reports code points past emoji and ignores bidi controls in text and query", () => {
    const text = "😀👍🏽 \u2067تروتسكي\u2069";
    const [hit] = searchText(text, "ترو\u200cتسكي");
    expect(hit).toEqual({ start: 5, end: 12 });
    expect([...text].slice(hit!.start, hit!.end).join("")).toBe("تروتسكي");
  });

  test("an empty or mark-only query finds nothing", () => {
    expect(searchText(seed, "")).toEqual([]);
    expect(searchText(seed, "\u064e\u0651")).toEqual([]);
  });
});
