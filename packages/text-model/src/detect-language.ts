/** The languages a text may be declared in, with the direction each is written in. */
export type TextLanguage = { language: "ar"; direction: "rtl" } | { language: "en"; direction: "ltr" };

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
/** Enough letters to tell; a book's opening decides as well as the whole book. */
const SAMPLE_LETTERS = 5_000;

/**
 * Arabic (right-to-left) or English (left-to-right), by which script most of the text's letters
 * are in: Arabic-script letters against Latin ones, over the first letters of the text. Digits,
 * punctuation and marks do not count; a text with no letters of either is taken as Arabic, the
 * product's first language.
 */
export function detectLanguage(text: string): TextLanguage {
  let arabic = 0;
  let latin = 0;
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    if (ARABIC_LETTER.test(char)) arabic++;
    else if (LATIN_LETTER.test(char)) latin++;
    if (arabic + latin >= SAMPLE_LETTERS) break;
  }
  return latin > arabic ? { language: "en", direction: "ltr" } : { language: "ar", direction: "rtl" };
}

/** The direction a declared language is written in. */
export function languageDirection(language: "ar" | "en"): TextLanguage {
  return language === "ar" ? { language, direction: "rtl" } : { language, direction: "ltr" };
}
