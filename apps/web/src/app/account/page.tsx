import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiTokens } from "~/account/api-tokens";
import { DataDownload } from "~/account/data-download";
import { DeleteAccount } from "~/account/delete-account";
import { NotificationPreferences } from "~/account/notification-preferences";
import { PasswordForm } from "~/account/password-form";
import { ProfileForm } from "~/account/profile-form";
import { withReturnPath } from "~/auth/return-to";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  if (!(await auth())) redirect(withReturnPath("/sign-in", "/account"));
  const [t, tTokens, profile] = await Promise.all([
    getTranslations("account"),
    getTranslations("apiTokens"),
    (await api()).account.profile(),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">{t("profile")}</h2>
        <ProfileForm name={profile.name} email={profile.email} />
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t("password")}</h2>
        <PasswordForm email={profile.email} />
      </section>
      <section aria-labelledby="account-notifications" id="notifications">
        <h2 id="account-notifications">{t("notifications")}</h2>
        <p>{t("notificationsIntro")}</p>
        <NotificationPreferences />
      </section>
      <section aria-labelledby="account-data">
        <h2 id="account-data">{t("data")}</h2>
        <p>{t("dataIntro")}</p>
        <DataDownload />
      </section>
      <section aria-labelledby="account-api-tokens" id="api-tokens">
        <h2 id="account-api-tokens">{tTokens("title")}</h2>
        <p>{tTokens("intro")}</p>
        <ApiTokens />
      </section>
      <section aria-labelledby="account-delete">
        <h2 id="account-delete">{t("deleteTitle")}</h2>
        <p>{t("deleteIntro")}</p>
        <DeleteAccount />
      </section>
    </>
  );
}
