export const locales = ["ar", "en"] as const;
export type Locale = (typeof locales)[number];

/** Arabic first: the sample texts and most of our readers are Arabic. */
export const defaultLocale: Locale = "ar";

/** The cookie that keeps the chosen UI language (the URL carries no locale). */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}
