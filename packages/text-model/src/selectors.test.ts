import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { anchor } from "./anchor";
import { importPlainText } from "./import-plain";
import { prepareText } from "./prepared-text";
import { QUOTE_CONTEXT_LENGTH, describeRange } from "./selectors";

const seed = importPlainText(seedBytes).text;

describe("describeRange", () => {
  test("gives a quote with 32 code points of context and the position", () => {
    const start = seed.indexOf("لينين");
    const d = describeRange(seed, { start, end: start + 5 });
    expect(d.quote.exact).toBe("لينين");
    expect([...d.quote.prefix!]).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect([...d.quote.suffix!]).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(seed.slice(start - 32, start)).toBe(d.quote.prefix);
    expect(d.position).toEqual({ type: "TextPositionSelector", start, end: start + 5 });
    expect(d.selectors).toEqual([d.quote, d.position]);
  });

  test("uses fewer context code points at the text's ends", () => {
    const d = describeRange(seed, { start: 0, end: 2 });
    expect(d.quote.prefix).toBe("");
    const last = describeRange(seed, { start: [...seed].length - 4, end: [...seed].length });
    expect(last.quote.exact).toBe("يتبع");
    expect(last.quote.suffix).toBe("");
  });

  test("counts astral characters as one code point each", () => {
    const text = "😀😀 تروتسكي 👍🏽";
    const start = [...text].indexOf("ت");
    const d = describeRange(text, { start, end: start + 7 });
    expect(d.quote.exact).toBe("تروتسكي");
    expect(d.quote.prefix).toBe("😀😀 ");
    expect(d.quote.suffix).toBe(" 👍🏽");
  });

  test("snaps a range that splits a grapheme cluster, or refuses it on request", () => {
    const text = "قال لِينِّين 👍🏽 نعم";
    const cps = [...text];
    const shadda = cps.indexOf("\u0651");
    // End between the nun and its shadda+kasra: widened over the marks.
    const d = describeRange(text, { start: 4, end: shadda });
    expect(d.quote.exact).toBe("لِينِّ");
    expect(() =>
      describeRange(text, { start: 4, end: shadda }, { graphemes: "refuse" }),
    ).toThrowError(expect.objectContaining({ code: "range.splits_grapheme" }));
    // Inside an emoji with its skin-tone modifier.
    const thumb = cps.indexOf("👍");
    const e = describeRange(text, { start: thumb + 1, end: thumb + 2 });
    expect(e.quote.exact).toBe("👍🏽");
    expect(e.start).toBe(thumb);
  });

  test("snaps across flags, emoji ZWJ sequences, harakat at either end and Latin marks", () => {
    // x + COMBINING ACUTE has no precomposed form: it stays two code points in NFC.
    const text = "علم 🇸🇦 و عائلة 👨‍👩‍👧 و شدّة و x\u0301y";
    const cps = [...text];
    const cp = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const snap = (start: number, end: number) => {
      const d = describeRange(text, { start, end });
      expect(() => describeRange(text, { start, end }, { graphemes: "refuse" })).toThrowError(
        expect.objectContaining({ code: "range.splits_grapheme" }),
      );
      expect(cps.slice(d.start, d.end).join("")).toBe(d.quote.exact);
      return d.quote.exact;
    };
    const flag = cp("🇸🇦");
    expect(snap(flag, flag + 1)).toBe("🇸🇦"); // one regional indicator of two
    expect(snap(flag + 1, flag + 3)).toBe("🇸🇦 ");
    const family = cp("👨‍👩‍👧");
    expect(snap(family, family + 2)).toBe("👨‍👩‍👧"); // the man and a ZWJ
    expect(snap(family + 3, family + 4)).toBe("👨‍👩‍👧");
    const shadda = cp("\u0651");
    expect(snap(shadda - 2, shadda)).toBe("شدّ"); // ends between the dal and its shadda
    expect(snap(shadda, shadda + 2)).toBe("دّة"); // starts on the shadda: takes its letter
    const acute = cp("\u0301");
    expect(snap(acute, acute + 2)).toBe("x\u0301y");
    // Whole clusters pass untouched, in either mode.
    const whole = describeRange(text, { start: family, end: family + 5 }, { graphemes: "refuse" });
    expect(whole.quote.exact).toBe("👨‍👩‍👧");
  });

  test("refuses inverted, empty, fractional and out-of-bounds ranges", () => {
    const code = (start: number, end: number) => {
      try {
        describeRange(seed, { start, end });
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code(10, 5)).toBe("range.inverted");
    expect(code(5, 5)).toBe("range.empty");
    expect(code(-1, 5)).toBe("range.not_integer");
    expect(code(1.5, 5)).toBe("range.not_integer");
    expect(code(0, [...seed].length + 1)).toBe("range.out_of_bounds");
  });

  test("property: describe → anchor on the unchanged text returns the same range", () => {
    const prepared = prepareText(seed);
    const length = prepared.offsets.length;
    fc.assert(
      fc.property(fc.nat(length - 1), fc.integer({ min: 1, max: 80 }), (start, size) => {
        const d = describeRange(prepared, { start, end: Math.min(length, start + size) });
        const result = anchor(prepared, d.selectors);
        expect(result).toMatchObject({ state: "anchored", start: d.start, end: d.end });
        // Without the position, the quote and its context still find the same place.
        expect(anchor(prepared, [d.quote])).toMatchObject({
          state: "anchored",
          start: d.start,
          end: d.end,
        });
      }),
      { numRuns: 300 },
    );
  });

  test("property: also on texts with astral characters, marks and repeats", () => {
    const alphabet = fc.constantFrom(
      "ل",
      "ي",
      "ن",
      " ",
      "\u064e",
      "\u0651",
      "😀",
      "👍🏽",
      "\n",
      "ـ",
      "a",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const text = parts.join("");
          const prepared = prepareText(text);
          const length = prepared.offsets.length;
          const start = a % length;
          const end = start + 1 + (b % (length - start));
          const d = describeRange(prepared, { start, end });
          expect(anchor(prepared, d.selectors)).toMatchObject({
            state: "anchored",
            start: d.start,
            end: d.end,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
