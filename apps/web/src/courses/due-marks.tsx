"use client";

import { useTranslations } from "next-intl";
import styles from "./courses.module.css";

/** "After the due date" on a post or an edit that came after its text's due date. */
export function DueMarks({ due }: { due: { postedAfterDue: boolean; editedAfterDue: boolean } }) {
  const t = useTranslations("textBrief");
  if (due.postedAfterDue) return <span className={styles.afterDue}>{t("afterDue")}</span>;
  if (due.editedAfterDue) return <span className={styles.afterDue}>{t("editedAfterDue")}</span>;
  return null;
}
