import { type AppErrorCode, errorMessages } from "@hashiya/api/errors";
import type { Locale } from "./locale";

export type { AppErrorCode };

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && Object.hasOwn(errorMessages, value);
}

/** The sentence for an API error id in the UI language (the API's catalogue is the one source). */
export function errorSentence(code: AppErrorCode, locale: Locale): string {
  return errorMessages[code][locale];
}
