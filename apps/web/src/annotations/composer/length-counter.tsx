"use client";

import { useFormatter, useTranslations } from "next-intl";

/** Shown from this share of the limit on: below it a counter is only noise. */
const WARN_FROM = 0.9;

/**
 * Characters used against the comment limit, once the writer gets near it (a polite live
 * region: read out when it appears, not per key); marked when over. Sending over the limit
 * is refused by the server, with its sentence.
 */
export function LengthCounter({ length, max }: { length: number; max: number }) {
  const t = useTranslations("annotations");
  const format = useFormatter();
  const near = length >= max * WARN_FROM;
  return (
    <p className="composer-counter" aria-live="polite" data-over={length > max || undefined}>
      {near ? t("counter", { count: format.number(length), max: format.number(max) }) : null}
    </p>
  );
}
