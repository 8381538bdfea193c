import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "~/account/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  // The link's secret is in this page's address: never send it on as a referrer.
  return { title: (await getTranslations("account"))("resetTitle"), referrer: "no-referrer" };
}

interface Props {
  searchParams: Promise<{ token?: string }>;
}

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("resetTitle")}</h1>
      {typeof token === "string" && token !== "" ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p>
          {t("resetMissing")} <Link href="/forgot-password">{t("askAgain")}</Link>
        </p>
      )}
    </>
  );
}
