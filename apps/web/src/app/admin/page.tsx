import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CourseTable } from "~/admin/course-table";
import { UserTable } from "~/admin/user-table";
import { withReturnPath } from "~/auth/return-to";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const session = await auth();
  if (!session) redirect(withReturnPath("/sign-in", "/admin"));
  // The server decides from the account's current row, not from the session's claim.
  const profile = await (await api()).account.profile().catch(() => null);
  if (!profile?.isAdmin) notFound();
  const t = await getTranslations("admin");
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="admin-users">
        <h2 id="admin-users">{t("users")}</h2>
        <UserTable viewerId={profile.id} />
      </section>
      <section aria-labelledby="admin-courses">
        <h2 id="admin-courses">{t("courses")}</h2>
        <CourseTable />
      </section>
    </>
  );
}
