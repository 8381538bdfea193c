/** Stable identifiers of every error this package raises; UIs and APIs switch on these. */
export type TextModelErrorCode =
  | "text.not_utf8"
  | "text.invalid_unicode"
  | "text.binary"
  | "text.empty"
  | "text.too_large"
  | "text.too_many_words"
  | "range.not_integer"
  | "range.inverted"
  | "range.empty"
  | "range.out_of_bounds"
  | "range.splits_grapheme"
  | "offset.out_of_bounds"
  | "offset.splits_surrogate"
  | "block.out_of_bounds"
  | "selector.invalid";

/** A sentence for people, in both UI languages. */
export interface LocalisedMessage {
  en: string;
  ar: string;
}

const messages: Record<TextModelErrorCode, LocalisedMessage> = {
  "text.not_utf8": {
    en: "The file is not valid UTF-8 text. Save it as UTF-8 and try again.",
    ar: "الملف ليس نصًا صالحًا بترميز UTF-8. احفظه بترميز UTF-8 ثم أعد المحاولة.",
  },
  "text.invalid_unicode": {
    en: "The text contains broken Unicode characters (unpaired surrogates).",
    ar: "يحتوي النص على محارف يونيكود تالفة (أنصاف أزواج غير مكتملة).",
  },
  "text.binary": {
    en: "The file looks like binary data, not text (it contains NUL characters).",
    ar: "يبدو أن الملف بيانات ثنائية وليس نصًا (يحتوي على محارف NUL).",
  },
  "text.empty": {
    en: "The text is empty: there is nothing to import.",
    ar: "النص فارغ: لا يوجد ما يمكن استيراده.",
  },
  "text.too_large": {
    en: "The text is too large (the limit is 2 MB).",
    ar: "النص كبير جدًا (الحد الأقصى 2 ميغابايت).",
  },
  "text.too_many_words": {
    en: "The text has too many words (the limit is 500,000).",
    ar: "عدد كلمات النص كبير جدًا (الحد الأقصى 500٬000 كلمة).",
  },
  "range.not_integer": {
    en: "A range's start and end must be whole, non-negative numbers.",
    ar: "يجب أن تكون بداية النطاق ونهايته أعدادًا صحيحة غير سالبة.",
  },
  "range.inverted": {
    en: "The range starts after it ends.",
    ar: "يبدأ النطاق بعد نهايته.",
  },
  "range.empty": {
    en: "The range is empty: select at least one character.",
    ar: "النطاق فارغ: حدِّد محرفًا واحدًا على الأقل.",
  },
  "range.out_of_bounds": {
    en: "The range goes past the end of the text.",
    ar: "يتجاوز النطاق نهاية النص.",
  },
  "range.splits_grapheme": {
    en: "The range cuts a character in two (a letter from its marks, or half of an emoji).",
    ar: "يقسم النطاق حرفًا إلى قسمين (حرفًا عن حركاته أو نصف رمز تعبيري).",
  },
  "offset.out_of_bounds": {
    en: "The offset is outside the text.",
    ar: "الموضع خارج حدود النص.",
  },
  "offset.splits_surrogate": {
    en: "The UTF-16 offset falls inside a character (between the two halves of a surrogate pair).",
    ar: "يقع موضع UTF-16 داخل محرف واحد (بين نصفي زوج بديل).",
  },
  "block.out_of_bounds": {
    en: "There is no such block, or the offset is past the block's end.",
    ar: "لا توجد كتلة بهذا الرقم، أو الموضع بعد نهاية الكتلة.",
  },
  "selector.invalid": {
    en: "The selector is malformed.",
    ar: "المحدِّد غير صالح.",
  },
};

/** Every error code, for tests and for UIs that list them. */
export const errorCodes = Object.keys(messages) as TextModelErrorCode[];

/**
 * The one error type of this package: a stable `code` to switch on, a sentence in English and
 * Arabic for people, and optional machine-readable `details`.
 */
export class TextModelError extends Error {
  readonly code: TextModelErrorCode;
  readonly localised: LocalisedMessage;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: TextModelErrorCode, details?: Record<string, unknown>) {
    const localised = messages[code];
    super(localised.en);
    this.name = "TextModelError";
    this.code = code;
    this.localised = localised;
    this.details = details;
  }

  /** The serialisable shape `{ code, message: { en, ar } }` for APIs. */
  toJSON(): { code: TextModelErrorCode; message: LocalisedMessage; details?: unknown } {
    return { code: this.code, message: this.localised, details: this.details };
  }
}

/** True when `value` is a {@link TextModelError}, optionally of the given code. */
export function isTextModelError(
  value: unknown,
  code?: TextModelErrorCode,
): value is TextModelError {
  return value instanceof TextModelError && (code === undefined || value.code === code);
}
