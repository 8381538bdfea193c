import { type CourseStanding, can } from "@hashiya/api/policies";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

interface Props {
  textId: string;
  textTitle: string;
  /** The viewer's role in the text's course (null or "none" for non-members). */
  standing: CourseStanding | null;
  user: { id: string; isAdmin?: boolean } | null | undefined;
}

/** A link to a text's dashboard, shown only to whom the policies let see it. */
export async function DashboardLink({ textId, textTitle, standing, user }: Props) {
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  if (!can(actor, standing ?? "none", "view_dashboard")) return null;
  const t = await getTranslations("dashboard");
  return (
    <Link
      href={`/texts/${textId}/dashboard`}
      aria-label={t("title", { title: textTitle })}
      data-testid="dashboard-link"
    >
      {t("open")}
    </Link>
  );
}
