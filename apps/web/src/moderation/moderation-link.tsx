import { type CourseStanding, can } from "@hashiya/api/policies";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A link to a course's moderation page, shown only to whom the policies let moderate it. */
export async function ModerationLink({
  courseId,
  standing,
  user,
}: {
  courseId: string;
  standing: CourseStanding | null;
  user: { id: string; isAdmin?: boolean } | null | undefined;
}) {
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  if (!can(actor, standing ?? "none", "moderate")) return null;
  const t = await getTranslations("moderation");
  return (
    <p>
      <Link href={`/courses/${courseId}/moderation`} data-testid="moderation-link">
        {t("openConsole")}
      </Link>
    </p>
  );
}
