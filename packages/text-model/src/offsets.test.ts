import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OffsetMap, codePointLength } from "./offsets";

describe("OffsetMap", () => {
  const text = "قال 😀 لينين\n👍🏽 نعم\nيتبع";
  const map = new OffsetMap(text);

  test("converts code points and UTF-16 around astral characters", () => {
    expect(map.length).toBe([...text].length);
    expect(map.utf16Length).toBe(text.length);
    const cpOfLam = [...text].indexOf("ل");
    expect(map.toUtf16(cpOfLam)).toBe(text.indexOf("ل"));
    expect(map.fromUtf16(text.indexOf("ل"))).toBe(cpOfLam);
    expect(map.toUtf16(map.length)).toBe(text.length);
  });

  test("refuses an offset between the halves of a surrogate pair, or snaps it when asked", () => {
    const inside = text.indexOf("😀") + 1;
    expect(() => map.fromUtf16(inside)).toThrowError(
      expect.objectContaining({ code: "offset.splits_surrogate" }),
    );
    expect(map.fromUtf16(inside, "before")).toBe(4);
    expect(map.fromUtf16(inside, "after")).toBe(5);
    expect(() => map.toUtf16(map.length + 1)).toThrowError(
      expect.objectContaining({ code: "offset.out_of_bounds" }),
    );
  });

  test("maps canonical offsets to blocks and back", () => {
    const secondBlock = [...text].indexOf("\n") + 1;
    expect(map.toBlock(0)).toEqual({ block: 0, offset: 0 });
    expect(map.toBlock(secondBlock - 1)).toEqual({ block: 0, offset: secondBlock - 1 });
    expect(map.toBlock(secondBlock)).toEqual({ block: 1, offset: 0 });
    expect(map.fromBlock(2, 4)).toBe(map.length);
    expect(() => map.fromBlock(3, 0)).toThrowError(
      expect.objectContaining({ code: "block.out_of_bounds" }),
    );
    expect(() => map.fromBlock(2, 5)).toThrowError(
      expect.objectContaining({ code: "block.out_of_bounds" }),
    );
  });

  test("code-block texts with their own line breaks are one block", () => {
    const blocks = ["a\nb", "ج"];
    const m = new OffsetMap(blocks.join("\n"), blocks);
    expect(m.toBlock(4)).toEqual({ block: 1, offset: 0 });
    expect(m.toBlock(2)).toEqual({ block: 0, offset: 2 });
  });

  test("property: every code-point offset round-trips through UTF-16 and blocks", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const m = new OffsetMap(s);
        expect(m.length).toBe(codePointLength(s));
        for (let cp = 0; cp <= m.length; cp++) {
          expect(m.fromUtf16(m.toUtf16(cp))).toBe(cp);
          const { block, offset } = m.toBlock(cp);
          expect(m.fromBlock(block, offset)).toBe(cp);
        }
        expect(m.toUtf16(m.length)).toBe(s.length);
      }),
      { numRuns: 200 },
    );
  });
});
