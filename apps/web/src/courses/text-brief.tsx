import { getFormatter, getTranslations } from "next-intl/server";
import styles from "./courses.module.css";

/**
 * Above a text: its course being archived (nothing can be written), its due date and the
 * instructor's instructions. Nothing when there is none of these.
 */
export async function TextBrief({
  text,
}: {
  text: { dueAt: Date | null; instructions: string; course: { archivedAt: Date | null } };
}) {
  if (!text.dueAt && !text.instructions && !text.course.archivedAt) return null;
  const [t, format] = await Promise.all([getTranslations("textBrief"), getFormatter()]);
  return (
    <>
      {text.course.archivedAt ? (
        <p className={styles.notice} role="status">
          {t("archived")}
        </p>
      ) : null}
      {text.dueAt || text.instructions ? (
        <aside className={styles.brief} aria-label={t("label")}>
          {text.dueAt ? (
            <p>
              <strong>{t("due")}</strong>{" "}
              <time dateTime={text.dueAt.toISOString()}>
                {format.dateTime(text.dueAt, { dateStyle: "full", timeStyle: "short" })}
              </time>
            </p>
          ) : null}
          {text.instructions ? (
            <p className={styles.instructions} dir="auto">
              {text.instructions}
            </p>
          ) : null}
        </aside>
      ) : null}
    </>
  );
}
