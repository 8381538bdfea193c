import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { withReturnPath } from "~/auth/return-to";
import { NotificationList } from "~/notifications/notification-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  if (!(await auth())) redirect(withReturnPath("/sign-in", "/notifications"));
  const t = await getTranslations("notifications");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/account#notifications">{t("preferencesLink")}</Link>
      </p>
      <NotificationList />
    </>
  );
}
