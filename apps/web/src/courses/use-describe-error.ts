"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { describeError } from "~/annotations/error-sentence";
import type { Locale } from "~/i18n/locale";

/** The sentence for a failed call in the interface language (the API's own catalogue). */
export function useDescribeError(): (error: unknown) => string {
  const locale = useLocale() as Locale;
  const tErrors = useTranslations("errors");
  return useCallback(
    (error: unknown) => describeError(error, locale, tErrors("unexpected")),
    [locale, tErrors],
  );
}
