// Test helpers of the import: the seed essay as a text, and small W3C files built by hand.
import { readFileSync } from "node:fs";
import type { Db } from "@hashiya/db";
import { buildText } from "../testing/factories";

const essay = readFileSync(
  new URL("../../../../prisma/seed/demo-text.ar.txt", import.meta.url),
  "utf8",
);

/** The seed essay's paragraphs (the text the Hypothesis fixture annotates). */
export const ESSAY_PARAGRAPHS = essay
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

/** A course-only text holding the seed essay. */
export function buildEssay(db: Db, courseId: string) {
  return buildText(db, courseId, { paragraphs: ESSAY_PARAGRAPHS });
}

export const HYPOTHESIS_FIXTURE = readFileSync(
  new URL(
    "../../../annotation-schema/src/w3c/__fixtures__/hypothesis-search.json",
    import.meta.url,
  ),
  "utf8",
);

/** A W3C annotation on a quoted passage, as another tool would write it. */
export function w3cAnnotation(
  id: string,
  quote: { exact: string; prefix?: string; suffix?: string },
  comment: string,
  extra: object = {},
) {
  return {
    id,
    type: "Annotation",
    motivation: "commenting",
    creator: { id: "https://other.example/people/1", name: "Layla" },
    body: [{ type: "TextualBody", value: comment, format: "text/plain" }],
    target: {
      source: "https://other.example/essay",
      selector: { type: "TextQuoteSelector", ...quote },
    },
    ...extra,
  };
}

/** A W3C AnnotationPage around `items`, as a file's text. */
export function w3cFile(items: object[]): string {
  return JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationPage",
    items,
  });
}
