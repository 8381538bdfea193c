import { TRPCClientError } from "@trpc/client";
import { errorSentence, isAppErrorCode } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";

/**
 * The sentence for a failed call, in the interface language, from the API's own catalogue
 * (by `appCode`); `fallback` when the failure carries none (the network, a crash).
 */
export function describeError(error: unknown, locale: Locale, fallback: string): string {
  const data = error instanceof TRPCClientError ? error.data : null;
  const code = data?.appCode;
  if (!isAppErrorCode(code)) return fallback;
  // The server's sentences have their placeholders filled in (e.g. the end of a mute).
  const filled = (data?.messages as Record<Locale, string> | null | undefined)?.[locale];
  return typeof filled === "string" ? filled : errorSentence(code, locale);
}
