import { z } from "zod";
import { codePointCount } from "./body-text";

/** Longest display name, in code points after sanitising. */
export const DISPLAY_NAME_MAX_CHARS = 80;

// Removed from names: controls (a pasted tab or newline becomes a space first), bidi
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they could make a name display
// as other text and reorder the words around it, the "Trojan Source" trick), bidi marks
// (LRM, RLM, ALM), zero-width space, word joiner, BOM, soft hyphen, lone surrogates, and the
// Hangul fillers that make a name look blank. ZWJ and ZWNJ stay: Persian and Arabic names and
// emoji sequences need them.
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
const STRIPPED =
  /[\p{Cc}\p{Cs}\u00AD\u061C\u115F\u1160\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/gu;
// A name must show something: at least one letter, digit or symbol (emoji included).
const VISIBLE = /[\p{L}\p{N}\p{S}]/u;

/**
 * A person's display name as it is stored and shown: NFC, line breaks and tabs turned into
 * spaces, controls and invisible or text-direction characters removed, runs of whitespace
 * collapsed, trimmed. Refuses nothing: see `displayNameSchema`.
 */
export function sanitiseDisplayName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(LINE_BREAKS_AND_TABS, " ")
    .replace(STRIPPED, "")
    .replace(/\s+/gu, " ")
    .trim()
    .normalize("NFC");
}

/** Whether a sanitised name may be stored: 1–80 code points, something visible among them. */
export function isValidDisplayName(name: string): boolean {
  const length = codePointCount(name);
  return length >= 1 && length <= DISPLAY_NAME_MAX_CHARS && VISIBLE.test(name);
}

/**
 * A display name from a form (sign-up, profile): sanitised with `sanitiseDisplayName`, then
 * refused with "display_name.invalid" when empty, over 80 code points or without a visible
 * character.
 */
export const displayNameSchema = z
  .string()
  // Bounded before sanitising, so a megabyte "name" is refused without being processed.
  .max(DISPLAY_NAME_MAX_CHARS * 8, { message: "display_name.invalid" })
  .transform(sanitiseDisplayName)
  .refine(isValidDisplayName, { message: "display_name.invalid" });
