import type { ImportedAnnotation } from "@hashiya/annotation-schema/w3c";
import { anchor, codePointLength } from "@hashiya/text-model";
import type { Refusal } from "./responses";

// Where a received annotation goes: its target must be this text (the `source` the exporter
// writes), and its TextQuoteSelector must be found there exactly (a position, or the context,
// picks among repeated quotes). A fuzzy or ambiguous match is refused rather than guessed.

/** The quote's place when it occurs exactly once in the text (code points), else null. */
function onlyOccurrence(body: string, exact: string) {
  const at = body.indexOf(exact);
  if (at < 0 || body.indexOf(exact, at + 1) >= 0) return null;
  const start = codePointLength(body.slice(0, at));
  return { type: "TextPositionSelector" as const, start, end: start + codePointLength(exact) };
}

export function placeAnnotation(
  body: string,
  textIri: string,
  annotation: ImportedAnnotation,
): { start: number; end: number } | Refusal {
  if (annotation.source !== textIri)
    return { status: 400, code: "protocol.wrong_target", params: { text: textIri } };
  const { quote } = annotation;
  // The anchorer wants a position or context to go by; a quote the text holds once has one.
  const position = annotation.position ?? onlyOccurrence(body, quote.exact);
  const found = anchor(body, position ? [quote, position] : [quote]);
  if (found.state !== "anchored") return { status: 400, code: "protocol.quote_not_found" };
  return { start: found.start, end: found.end };
}
