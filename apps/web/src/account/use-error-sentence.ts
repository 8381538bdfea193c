"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { describeError } from "~/annotations/error-sentence";
import type { Locale } from "~/i18n/locale";

/** The sentence for a failed call: the API's own, or a plain "that did not work". */
export function useErrorSentence(): (error: unknown) => string {
  const locale = useLocale() as Locale;
  const t = useTranslations("account");
  return useCallback((error: unknown) => describeError(error, locale, t("failed")), [locale, t]);
}
