"use client";

import { useLocale } from "next-intl";
import { errorSentence } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";
import styles from "./courses.module.css";

/** The sentence a reader sees once they lost access: nothing more will arrive or be sent. */
export function AccessLostNotice({ revoked }: { revoked: boolean }) {
  const locale = useLocale() as Locale;
  // Always in the page, so that screen readers announce the sentence when it appears.
  return (
    <div role="alert" data-testid="access-lost">
      {revoked ? (
        <p className={styles.notice}>{errorSentence("course.access_revoked", locale)}</p>
      ) : null}
    </div>
  );
}
