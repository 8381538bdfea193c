import type {
  RangeDescription,
  TextPositionSelector,
  TextQuoteSelector,
} from "@hashiya/text-model";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AnnotationSelectors,
  annotationSelectorsSchema,
  type PositionSelector,
  type QuoteSelector,
  selectorsByType,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
} from "./selectors";

// What text-model's describeRange writes for a passage of the seed essay.
const quote = {
  type: "TextQuoteSelector",
  exact: "العصبية",
  prefix: "وهذه ",
  suffix: " إنما تكون",
} as const;
const position = { type: "TextPositionSelector", start: 120, end: 127 } as const;

describe("selectors", () => {
  it("have the same shape as @hashiya/text-model's selector types, both ways", () => {
    expectTypeOf<QuoteSelector>().toEqualTypeOf<TextQuoteSelector>();
    expectTypeOf<PositionSelector>().toEqualTypeOf<TextPositionSelector>();
    expectTypeOf<RangeDescription["selectors"]>().toExtend<AnnotationSelectors>();
  });

  it("accept describeRange's [quote, position], in either order", () => {
    expect(annotationSelectorsSchema.parse([quote, position])).toEqual([quote, position]);
    expect(annotationSelectorsSchema.parse([position, quote])).toEqual([position, quote]);
    expect(selectorsByType(annotationSelectorsSchema.parse([position, quote]))).toEqual({
      quote,
      position,
    });
  });

  it("accept a quote without prefix or suffix (the text's ends, W3C imports)", () => {
    expect(textQuoteSelectorSchema.parse({ type: "TextQuoteSelector", exact: "يتبع" })).toEqual({
      type: "TextQuoteSelector",
      exact: "يتبع",
    });
  });

  it("refuse anything but exactly one of each", () => {
    for (const list of [
      [],
      [quote],
      [position],
      [quote, quote],
      [position, position],
      [quote, position, quote],
    ]) {
      expect(annotationSelectorsSchema.safeParse(list).success, JSON.stringify(list)).toBe(false);
    }
    expect(() => selectorsByType([quote, quote] as unknown as AnnotationSelectors)).toThrow();
  });

  it("refuse empty quotes, bad ranges and unknown selector types or keys", () => {
    expect(textQuoteSelectorSchema.safeParse({ ...quote, exact: "" }).success).toBe(false);
    expect(textQuoteSelectorSchema.safeParse({ ...quote, refinedBy: {} }).success).toBe(false);
    for (const [start, end] of [
      [5, 5],
      [6, 5],
      [-1, 3],
      [1.5, 3],
      [0, Number.NaN],
    ]) {
      expect(
        textPositionSelectorSchema.safeParse({ ...position, start, end }).success,
        `${start}-${end}`,
      ).toBe(false);
    }
    expect(
      annotationSelectorsSchema.safeParse([quote, { type: "XPathSelector", value: "/p[1]" }])
        .success,
    ).toBe(false);
  });
});
