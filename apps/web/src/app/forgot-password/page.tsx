import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "~/account/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("forgotTitle")}</h1>
      <p>{t("forgotIntro")}</p>
      <ForgotPasswordForm />
    </>
  );
}
