import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JoinCodeForm } from "~/courses/join-code-form";

interface Props {
  searchParams: Promise<{ code?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("withCode") };
}

/** Joining with a code; signed out, a sign-in that comes back here with the code kept. */
export default async function JoinWithCodePage({ searchParams }: Props) {
  const [{ code }, session, t] = await Promise.all([searchParams, auth(), getTranslations("join")]);
  const initialCode = typeof code === "string" ? code.slice(0, 20) : "";
  if (!session) {
    const back = encodeURIComponent(
      initialCode ? `/join?code=${encodeURIComponent(initialCode)}` : "/join",
    );
    return (
      <>
        <h1>{t("withCode")}</h1>
        <p>
          {t("signInFirst")} <Link href={`/sign-in?callbackUrl=${back}`}>{t("signIn")}</Link>
          {" · "}
          <Link href={`/sign-up?callbackUrl=${back}`}>{t("signUp")}</Link>
        </p>
      </>
    );
  }
  return <JoinCodeForm initialCode={initialCode} heading="h1" />;
}
