import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./courses.module.css";

/** On a course page: that it is archived (read-only), and the instructors' way to its settings. */
export async function CourseNotices({
  course,
}: {
  course: { id: string; archivedAt: Date | null; canManage: boolean };
}) {
  const t = await getTranslations("courseAdmin");
  return (
    <>
      {course.archivedAt ? (
        <p className={styles.notice} role="status">
          {t("archivedNotice")}
        </p>
      ) : null}
      {course.canManage ? (
        <p>
          <Link href={`/courses/${course.id}/manage`}>{t("manage")}</Link>
        </p>
      ) : null}
    </>
  );
}
