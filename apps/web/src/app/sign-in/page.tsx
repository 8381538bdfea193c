import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { AppErrorCode } from "~/i18n/errors";
import { safeReturnPath, withReturnPath } from "~/auth/return-to";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

interface Props {
  searchParams: Promise<{ callbackUrl?: string; code?: string }>;
}

/** The sentence for a refusal Auth.js's own route sent back (`code`), if any. */
function refusalOf(code: string | undefined): AppErrorCode | null {
  if (code === "wrong_password") return "auth.wrong_password";
  if (code === "rate_limited") return "rate_limit.sign_in";
  return null;
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, code } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await auth()) redirect(returnTo);
  const t = await getTranslations("signIn");
  const tAccount = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      {/* `code` arrives when the form was posted to Auth.js directly (no JavaScript). */}
      <SignInForm callbackUrl={returnTo} refused={refusalOf(code)} />
      <p>
        <Link href="/forgot-password">{tAccount("forgotLink")}</Link>
      </p>
      <p>
        {t("noAccount")} <Link href={withReturnPath("/sign-up", returnTo)}>{t("signUpLink")}</Link>
      </p>
    </>
  );
}
