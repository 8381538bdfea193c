import { TRPCClientError } from "@trpc/client";
import { errorSentence, isAppErrorCode } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";

/**
 * The sentence for a failed call, in the interface language, from the API's own catalogue
 * (by `appCode`); `fallback` when the failure carries none (the network, a crash).
 */
export function describeError(error: unknown, locale: Locale, fallback: string): string {
  const code = error instanceof TRPCClientError ? error.data?.appCode : null;
  return isAppErrorCode(code) ? errorSentence(code, locale) : fallback;
}
