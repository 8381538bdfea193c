import { getTranslations } from "next-intl/server";
import styles from "./courses.module.css";

/**
 * The sentence the home page opens with after an action that led there (`?status=…`): only
 * known statuses, each a fixed sentence, so a crafted link cannot make the page say anything.
 */
export async function HomeStatus({ status }: { status: string | string[] | undefined }) {
  if (status !== "left-course") return null;
  const t = await getTranslations("courseExits");
  return (
    <p className={styles.notice} role="status" data-testid="home-status">
      {t("leftCourse")}
    </p>
  );
}
