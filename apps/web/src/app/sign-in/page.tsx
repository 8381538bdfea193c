import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

interface Props {
  searchParams: Promise<{ callbackUrl?: string; code?: string }>;
}

export default async function SignInPage({ searchParams }: Props) {
  if (await auth()) redirect("/");
  const { callbackUrl, code } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <>
      <h1>{t("title")}</h1>
      {/* `code` arrives when the form was posted to Auth.js directly (no JavaScript). */}
      <SignInForm callbackUrl={callbackUrl ?? "/"} refused={code === "wrong_password"} />
      <p>
        {t("noAccount")} <Link href="/sign-up">{t("signUpLink")}</Link>
      </p>
    </>
  );
}
