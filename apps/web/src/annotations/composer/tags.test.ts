import { describe, expect, it } from "vitest";
import { parseTags } from "./tags";

describe("parseTags", () => {
  it("splits on Latin and Arabic commas, trims, drops empties and repeats", () => {
    expect(parseTags(" تاريخ، أسماء ,history,, تاريخ ")).toEqual(["تاريخ", "أسماء", "history"]);
    expect(parseTags("")).toEqual([]);
  });

  it("keeps at most ten tags", () => {
    const many = Array.from({ length: 12 }, (_, i) => `t${i}`).join(",");
    expect(parseTags(many)).toHaveLength(10);
  });
});
