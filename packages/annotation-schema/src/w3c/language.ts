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
  // Counted per code point through a table of the common blocks (an export guesses for every
  // comment; matching builds an array of all letters); the regexps decide the rest.
  const table = scriptTable();
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < TABLE_SIZE) kind = table[c]!;
    else {
      const next = text.charCodeAt(i + 1);
      const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      kind = scriptOf(pair ? text.slice(i, i + 2) : text[i]!);
      if (pair) i++;
    }
    if (kind === ARABIC) arabic++;
    else if (kind === LATIN) latin++;
  }
  if (arabic > latin) return "ar";
  if (latin > arabic) return "en";
  return undefined;
}

const ARABIC = 1;
const LATIN = 2;
/** Latin, Latin-1, Latin Extended, IPA and the Arabic blocks up to Arabic Extended-A. */
const TABLE_SIZE = 0x0900;
let table: Uint8Array | null = null;

function scriptTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) table[c] = scriptOf(String.fromCharCode(c));
  return table;
}

/** ARABIC for an Arabic-script letter, LATIN for a Latin-script character, else 0. */
function scriptOf(codePoint: string): number {
  ARABIC_LETTERS.lastIndex = 0;
  LATIN_LETTERS.lastIndex = 0;
  if (ARABIC_LETTERS.test(codePoint)) return ARABIC;
  return LATIN_LETTERS.test(codePoint) ? LATIN : 0;
}
