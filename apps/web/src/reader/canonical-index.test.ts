import { canonicalText } from "@hashiya/text-model";
import { describe, expect, it } from "vitest";
import { CanonicalIndex } from "./canonical-index";

interface FakeNode {
  t: string;
}
const node = (t: string): FakeNode => ({ t });
const build = (blocks: FakeNode[][]) => new CanonicalIndex(blocks, (n) => n.t);

describe("CanonicalIndex", () => {
  it("joins blocks with one newline, as the canonical text does", () => {
    const blocks = [[node("ان تروتسكي")], [node("يتبع")]];
    const index = build(blocks);
    expect(index.text).toBe(canonicalText([{ text: "ان تروتسكي" }, { text: "يتبع" }]));
    expect(index.length).toBe("ان تروتسكي\nيتبع".length);
  });

  it("maps code points to text nodes and back across blocks", () => {
    const a = node("abc");
    const b = node("de");
    const c = node("fgh");
    const index = build([[a, b], [c]]);
    // "abcde\nfgh"
    expect(index.locate(0, "start")).toEqual({ node: a, offset: 0 });
    expect(index.locate(4, "start")).toEqual({ node: b, offset: 1 });
    expect(index.locate(7, "start")).toEqual({ node: c, offset: 1 });
    expect(index.codePointAt(1, 1, "start")).toBe(4);
    expect(index.codePointAt(2, 1, "start")).toBe(7);
    for (let cp = 0; cp <= index.length; cp++) {
      if (cp === 5 || cp === 6) continue; // the newline's two sides, checked below
      const start = index.locate(cp, "start")!;
      expect(index.codePointAt(index.leafIndex(start.node), start.offset, "start")).toBe(cp);
      const end = index.locate(cp, "end")!;
      expect(index.codePointAt(index.leafIndex(end.node), end.offset, "end")).toBe(cp);
    }
  });

  it("puts a start after a node boundary and an end before it", () => {
    const a = node("abc");
    const b = node("de");
    const c = node("fg");
    const index = build([[a, b], [c]]);
    expect(index.locate(3, "start")).toEqual({ node: b, offset: 0 });
    expect(index.locate(3, "end")).toEqual({ node: a, offset: 3 });
    // At the block break: a start goes into the next block, an end stays in this one.
    expect(index.locate(5, "start")).toEqual({ node: c, offset: 0 });
    expect(index.locate(5, "end")).toEqual({ node: b, offset: 2 });
    expect(index.locate(6, "end")).toEqual({ node: c, offset: 0 });
    expect(index.locate(6, "start")).toEqual({ node: c, offset: 0 });
  });

  it("converts code points to UTF-16 at the edge (astral characters count once)", () => {
    const a = node("a😀b"); // 3 code points, 4 UTF-16 units
    const b = node("كلمة");
    const index = build([[a], [b]]);
    expect(index.length).toBe(3 + 1 + 4);
    expect(index.locate(2, "start")).toEqual({ node: a, offset: 3 });
    expect(index.locate(4, "start")).toEqual({ node: b, offset: 0 });
    expect(index.codePointAt(1, 2, "start")).toBe(6);
    // Inside the pair: a start moves back before the emoji, an end forwards after it.
    expect(index.codePointAt(0, 2, "start")).toBe(1);
    expect(index.codePointAt(0, 2, "end")).toBe(2);
  });

  it("clamps offsets outside the text and knows its blocks", () => {
    const a = node("abc");
    const b = node("de");
    const index = build([[a], [b]]);
    expect(index.locate(-5, "start")).toEqual({ node: a, offset: 0 });
    expect(index.locate(99, "end")).toEqual({ node: b, offset: 2 });
    expect(index.blockAt(0)).toBe(0);
    expect(index.blockAt(3)).toBe(0);
    expect(index.blockAt(4)).toBe(1);
    expect(index.blockBoundary(0, "end")).toBe(3);
    expect(index.blockBoundary(1, "start")).toBe(4);
    expect(index.blockBoundary(1, "end")).toBe(6);
    expect(build([]).locate(0, "start")).toBeNull();
  });
});
