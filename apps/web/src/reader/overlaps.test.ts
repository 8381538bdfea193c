import { describe, expect, it } from "vitest";
import { groupPassages, overlapLayers } from "./overlaps";

describe("overlapLayers", () => {
  it("cuts overlapping spans into stretches of equal depth", () => {
    expect(
      overlapLayers([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 7, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 5, depth: 1 },
      { start: 5, end: 7, depth: 2 },
      { start: 7, end: 8, depth: 3 },
      { start: 8, end: 10, depth: 2 },
      { start: 10, end: 15, depth: 1 },
    ]);
  });

  it("does not count touching spans as overlapping, and merges them into one stretch", () => {
    expect(
      overlapLayers([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 9, depth: 1 }]);
  });

  it("counts identical spans twice and ignores empty ones", () => {
    expect(
      overlapLayers([
        { start: 3, end: 6 },
        { start: 3, end: 6 },
        { start: 4, end: 4 },
      ]),
    ).toEqual([{ start: 3, end: 6, depth: 2 }]);
    expect(overlapLayers([])).toEqual([]);
  });
});

describe("groupPassages", () => {
  it("groups transitively overlapping items in text order", () => {
    const a = { id: "a", start: 20, end: 30 };
    const b = { id: "b", start: 0, end: 10 };
    const c = { id: "c", start: 8, end: 22 };
    const d = { id: "d", start: 30, end: 35 };
    const passages = groupPassages([a, b, c, d]);
    expect(passages.map((p) => [p.start, p.end, p.items.map((i) => i.id)])).toEqual([
      [0, 30, ["b", "c", "a"]],
      [30, 35, ["d"]],
    ]);
  });
});
