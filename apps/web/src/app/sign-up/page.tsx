import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeReturnPath, withReturnPath } from "~/auth/return-to";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("title") };
}

interface Props {
  searchParams: Promise<{ callbackUrl?: string }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  // Where to go once the account exists (a join link, say): this site only.
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await auth()) redirect(returnTo);
  const t = await getTranslations("signUp");
  return (
    <>
      <h1>{t("title")}</h1>
      <SignUpForm returnTo={returnTo} />
      <p>
        {t("haveAccount")}{" "}
        <Link href={withReturnPath("/sign-in", returnTo)}>{t("signInLink")}</Link>
      </p>
    </>
  );
}
