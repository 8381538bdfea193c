import { z } from "zod";
import { codePointCount } from "./body-text";

/** Most tags one annotation may carry. */
export const MAX_TAGS_PER_ANNOTATION = 10;
/** Longest tag, in code points after normalisation. */
export const TAG_MAX_CHARS = 40;

// Invisible marks that make two tags look identical while comparing different (ZWSP, LRM, RLM,
// Arabic letter mark, word joiner, BOM, soft hyphen). Keyboards insert some of them on their
// own, so they are removed rather than refused. ZWJ/ZWNJ stay: they change how Persian/Arabic
// words and emoji sequences are drawn.
const INVISIBLE_MARKS = /[\u00AD\u061C\u200B\u200E\u200F\u2060\uFEFF]/gu;
// Embeddings, overrides and isolates can make a tag display as different text than it holds
// (the "Trojan Source" trick), and controls have no business in a label: both are refused.
const FORBIDDEN_IN_TAG = /[\u202A-\u202E\u2066-\u2069]|\p{Cc}|\p{Cs}/u;

/**
 * A tag as it is stored and compared: NFC, invisible marks removed, trimmed, runs of whitespace
 * collapsed to one space, lower-cased where the script has case (Arabic has none and is left as
 * is; mixed text lower-cases only its cased letters). Does not refuse anything: see `tagNameSchema`.
 */
export function normaliseTag(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(INVISIBLE_MARKS, "")
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase()
    .normalize("NFC");
}

/** Whether a normalised tag may be stored: 1–40 code points, no bidi controls or controls. */
export function isValidTag(tag: string): boolean {
  const length = codePointCount(tag);
  return length >= 1 && length <= TAG_MAX_CHARS && !FORBIDDEN_IN_TAG.test(tag);
}

/**
 * One tag: normalised with `normaliseTag`, then refused (message "tag.invalid") when empty,
 * longer than 40 code points or holding bidi embedding/override/isolate or control characters.
 * Tabs and newlines (a pasted "theme\n") are whitespace and collapse like spaces.
 */
export const tagNameSchema = z
  .string()
  // Bounded before normalising, so a megabyte "tag" is refused without being normalised.
  .max(TAG_MAX_CHARS * 8)
  .transform(normaliseTag)
  .refine(isValidTag, { message: "tag.invalid" });

/**
 * An annotation's tags: each through `tagNameSchema`, duplicates (after normalisation) merged,
 * at most `MAX_TAGS_PER_ANNOTATION` distinct tags.
 */
export const tagListSchema = z
  .array(tagNameSchema)
  // Bounded before dedupe so that a huge array is refused without normalising all of it.
  .max(MAX_TAGS_PER_ANNOTATION * 2)
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= MAX_TAGS_PER_ANNOTATION, { message: "tag.too_many" });
