import { z } from "zod";

/**
 * W3C Web Annotation `TextQuoteSelector`. `prefix`/`suffix` stay optional so the type is the
 * same shape as @hashiya/text-model's `TextQuoteSelector` (and imported W3C data may omit them).
 */
export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

/** W3C `TextPositionSelector` in Unicode code points of the canonical text; never empty. */
export const textPositionSelectorSchema = z
  .strictObject({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.start < s.end, { message: "range.inverted", path: ["end"] });

/** Either selector, discriminated on `type`. */
export const textSelectorSchema = z.discriminatedUnion("type", [
  textQuoteSelectorSchema,
  textPositionSelectorSchema,
]);

/**
 * An annotation's stored selectors: exactly one quote and one position selector, in any order
 * (text-model's `describeRange` writes `[quote, position]`; W3C imports may not).
 */
export const annotationSelectorsSchema = z
  .array(textSelectorSchema)
  .length(2)
  .refine(
    (list) =>
      list.some((s) => s.type === "TextQuoteSelector") &&
      list.some((s) => s.type === "TextPositionSelector"),
    { message: "selectors.need_quote_and_position" },
  );

/** A parsed quote selector (same shape as text-model's `TextQuoteSelector`). */
export type QuoteSelector = z.infer<typeof textQuoteSelectorSchema>;
/** A parsed position selector (same shape as text-model's `TextPositionSelector`). */
export type PositionSelector = z.infer<typeof textPositionSelectorSchema>;
/** The stored selectors of an annotation: one quote and one position selector. */
export type AnnotationSelectors = z.infer<typeof annotationSelectorsSchema>;

/** Picks the two selectors out of a validated list, whatever their order. */
export function selectorsByType(selectors: AnnotationSelectors): {
  quote: QuoteSelector;
  position: PositionSelector;
} {
  let quote: QuoteSelector | undefined;
  let position: PositionSelector | undefined;
  for (const s of selectors) {
    if (s.type === "TextQuoteSelector") quote = s;
    else position = s;
  }
  // Unreachable for parsed data; a hand-built list that skipped the schema fails loudly here.
  if (!quote || !position) throw new Error("selectors.need_quote_and_position");
  return { quote, position };
}
