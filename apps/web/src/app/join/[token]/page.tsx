import { auth } from "@hashiya/auth";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { JoinInviteButton } from "~/courses/join-invite-button";
import { type AppErrorCode, errorSentence, isAppErrorCode } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ token: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("title") };
}

/** What the invite leads to, or the sentence for why it leads nowhere. */
async function preview(
  token: string,
): Promise<
  | { invite: Awaited<ReturnType<Awaited<ReturnType<typeof api>>["invite"]["preview"]>> }
  | { refusal: AppErrorCode }
> {
  try {
    return { invite: await (await api()).invite.preview({ token }) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const appCode = (error.cause as { appCode?: unknown } | undefined)?.appCode;
    return { refusal: isAppErrorCode(appCode) ? appCode : "invite.invalid" };
  }
}

/**
 * An invite link. Signed out: the course it leads to, and a way to sign in or create an
 * account that comes back here. Signed in: one button to join (or a link to the course for
 * someone already in it).
 */
export default async function JoinByLinkPage({ params }: Props) {
  const { token } = await params;
  const [session, t, tRoles, locale, outcome] = await Promise.all([
    auth(),
    getTranslations("join"),
    getTranslations("roles"),
    getLocale(),
    preview(token),
  ]);
  const back = encodeURIComponent(`/join/${token}`);
  if ("refusal" in outcome) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="form-error" role="alert">
          {errorSentence(outcome.refusal, locale as Locale)}
        </p>
        <p>
          <Link href="/join">{t("tryCode")}</Link>
        </p>
      </>
    );
  }
  const { invite } = outcome;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">
        {t.rich("invitedTo", {
          role: tRoles(invite.role),
          title: invite.course.title,
          course: (chunks) => <bdi>{chunks}</bdi>,
        })}
      </p>
      {invite.memberRole ? (
        <p>
          {t("alreadyMember", { role: tRoles(invite.memberRole) })}{" "}
          <Link href={`/courses/${invite.course.id}`}>{t("openCourse")}</Link>
        </p>
      ) : invite.status !== "active" ? (
        <p className="form-error" role="alert">
          {errorSentence(
            invite.status === "archived" ? "course.archived" : `invite.${invite.status}`,
            locale as Locale,
          )}
        </p>
      ) : session ? (
        <JoinInviteButton token={token} courseTitle={invite.course.title} />
      ) : (
        <p>
          {t("signInFirst")} <Link href={`/sign-in?callbackUrl=${back}`}>{t("signIn")}</Link>
          {" · "}
          <Link href={`/sign-up?callbackUrl=${back}`}>{t("signUp")}</Link>
        </p>
      )}
    </>
  );
}
