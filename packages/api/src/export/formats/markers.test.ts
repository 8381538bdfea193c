import { describe, expect, it } from "vitest";
import { markerPositions, renderParagraphs, toWordBoundary } from "./markers";

const cps = Array.from("ان تروتسكي الذي\nيتبع");

describe("passage markers never split a word (DESIGN decision 5)", () => {
  it("moves a start inside a word back, and an end inside a word forward", () => {
    expect(toWordBoundary(cps, 5, "start")).toBe(3);
    expect(toWordBoundary(cps, 5, "end")).toBe(10);
    expect(toWordBoundary(cps, 3, "start")).toBe(3);
    expect(toWordBoundary(cps, 10, "end")).toBe(10);
  });

  it("writes closings before openings at one place, per paragraph", () => {
    const anchors = [
      { number: 1, start: 4, end: 6 },
      { number: 2, start: 11, end: 13 },
    ];
    expect(markerPositions(cps, anchors).get(3)).toEqual([{ number: 1, kind: "open" }]);
    const paragraphs = renderParagraphs(
      cps,
      anchors,
      (s) => s,
      (m) => (m.kind === "open" ? `[${m.number}` : `${m.number}]`),
    );
    expect(paragraphs).toEqual(["ان [1تروتسكي1] [2الذي2]", "يتبع"]);
  });
});
