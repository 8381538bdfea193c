"use client";

import { useLocale } from "next-intl";
import { errorSentence } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";
import styles from "./courses.module.css";

/**
 * The sentence a reader sees once they lost access: nothing more will arrive or be sent. An
 * alert, so screen readers say it as it appears; across the whole width of the workspace.
 */
export function AccessLostNotice({ revoked }: { revoked: boolean }) {
  const locale = useLocale() as Locale;
  if (!revoked) return null;
  return (
    <p className={`${styles.notice} ${styles.wide}`} role="alert" data-testid="access-lost">
      {errorSentence("course.access_revoked", locale)}
    </p>
  );
}
