// What a W3C body says about its language and direction. Our comments carry neither (they render
// with dir="auto"), so both are derived from the text the way a reader would see it.

// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, and their
// presentation forms) and of left-to-right ones (any other letter).
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const FIRST_LETTER = /\p{L}/u;
const ARABIC_LETTERS = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTERS = /\p{Script=Latin}/gu;

/**
 * The direction `dir="auto"` gives the text: that of its first strong (letter) character, rtl or
 * ltr; `auto` when it holds no letter (digits, emoji, punctuation only).
 */
export function textDirectionOf(text: string): "ltr" | "rtl" | "auto" {
  const first = FIRST_LETTER.exec(text)?.[0];
  if (first === undefined) return "auto";
  return RTL_LETTER.test(first) ? "rtl" : "ltr";
}

/**
 * The language of a comment, for the product's two: "ar" when letters of the Arabic script
 * outnumber Latin ones, "en" when Latin letters do, undefined when neither has any (or they
 * tie). A guess by script, fitted to Hashiya's Arabic and English discussions.
 */
export function guessLanguage(text: string): "ar" | "en" | undefined {
  const arabic = text.match(ARABIC_LETTERS)?.length ?? 0;
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  if (arabic > latin) return "ar";
  if (latin > arabic) return "en";
  return undefined;
}
