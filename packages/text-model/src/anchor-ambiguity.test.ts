import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { anchor } from "./anchor";
import { importPlainText } from "./import-plain";
import { type TextPositionSelector, describeRange } from "./selectors";

const seed = importPlainText(seedBytes).text;
const [first, second] = seed.split("\n") as [string, string];
/** The first paragraph twice, with the second one between: every passage of it is repeated. */
const twice = [first, second, first].join("\n");
const copyOffset = first.length + 1 + second.length + 1;
const at = first.indexOf("بوخارين");
const d = describeRange(twice, { start: at, end: at + 7 });

function position(start: number): TextPositionSelector {
  return { type: "TextPositionSelector", start, end: start + 7 };
}

describe("ambiguous anchors orphan instead of guessing", () => {
  test("the quote and its whole context occur twice and there is no position", () => {
    expect(anchor(twice, [d.quote])).toEqual({ state: "orphaned", reason: "ambiguous" });
  });

  test("the position points far from both occurrences, halfway between them", () => {
    const halfway = Math.round((at + at + copyOffset) / 2);
    expect(anchor(twice, [d.quote, position(halfway)])).toEqual({
      state: "orphaned",
      reason: "ambiguous",
    });
  });

  test("the position settles it when it is clearly nearer one occurrence", () => {
    // Verified in place.
    expect(anchor(twice, d.selectors)).toMatchObject({
      state: "anchored",
      start: at,
      via: "position",
    });
    // Off by a short insertion: still far nearer the first copy than the second.
    const shifted = `مقدمة قصيرة.\n${twice}`;
    expect(anchor(shifted, d.selectors)).toMatchObject({ state: "anchored", start: at + 13 });
    expect(anchor(twice, [d.quote, position(at + copyOffset - 40)])).toMatchObject({
      state: "anchored",
      start: at + copyOffset,
    });
  });

  test("contexts equally damaged in both copies, no position", () => {
    const edited = twice.replaceAll("اتظن ان", "هل تعتقد ان");
    expect(anchor(edited, [d.quote])).toEqual({ state: "orphaned", reason: "ambiguous" });
    // Normalised and approximate matches are held to the same rule.
    expect(anchor(edited.replaceAll("بوخارين", "بُوخَارِين"), [d.quote])).toEqual({
      state: "orphaned",
      reason: "ambiguous",
    });
    expect(anchor(edited.replaceAll("بوخارين", "بوخارن"), [d.quote])).toEqual({
      state: "orphaned",
      reason: "ambiguous",
    });
  });

  test("one copy deleted: the survivor is no longer ambiguous", () => {
    const single = [second, first].join("\n");
    expect(anchor(single, [d.quote])).toMatchObject({
      state: "anchored",
      start: second.length + 1 + at,
    });
  });
});
