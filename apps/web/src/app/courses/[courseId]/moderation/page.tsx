import { auth } from "@hashiya/auth";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { type AppErrorCode, errorSentence, isAppErrorCode } from "~/i18n/errors";
import type { Locale } from "~/i18n/locale";
import { ModerationConsole } from "~/moderation/console/moderation-console";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ courseId: string }>;
}

type Caller = Awaited<ReturnType<typeof api>>;
type Loaded =
  | {
      course: Awaited<ReturnType<Caller["course"]["byId"]>>;
      queue: Awaited<ReturnType<Caller["moderation"]["queue"]>>;
      members: Awaited<ReturnType<Caller["member"]["list"]>>;
    }
  | { refusal: AppErrorCode };

/** The course, its queue and its members, read on the server; the refusal for a non-staff member. */
const load = cache(async (courseId: string): Promise<Loaded> => {
  const caller = await api();
  try {
    const [course, queue, members] = await Promise.all([
      caller.course.byId({ courseId }),
      caller.moderation.queue({ courseId }),
      caller.member.list({ courseId }),
    ]);
    return { course, queue, members };
  } catch (error) {
    const appCode = (error as { cause?: { appCode?: unknown } }).cause?.appCode;
    if (error instanceof TRPCError && error.code === "FORBIDDEN" && isAppErrorCode(appCode)) {
      return { refusal: appCode };
    }
    return orNotFound(Promise.reject(error));
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("moderation");
  if (!(await auth())) return { title: t("pageTitle") };
  const loaded = await load((await params).courseId);
  return {
    title: "course" in loaded ? t("pageTitleOf", { title: loaded.course.title }) : t("pageTitle"),
  };
}

/** A course's moderation page: the queue of flags and held posts, mutes, the audit log. */
export default async function ModerationPage({ params }: Props) {
  const { courseId } = await params;
  if (!(await auth())) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/courses/${courseId}/moderation`)}`);
  }
  const [loaded, t, locale] = await Promise.all([
    load(courseId),
    getTranslations("moderation"),
    getLocale(),
  ]);
  if ("refusal" in loaded) {
    return (
      <>
        <h1>{t("pageTitle")}</h1>
        <p role="alert">{errorSentence(loaded.refusal, locale as Locale)}</p>
        <p>
          <Link href={`/courses/${courseId}`}>{t("backToCourse")}</Link>
        </p>
      </>
    );
  }
  const { course, queue, members } = loaded;
  return (
    <>
      <p className="meta">
        <Link href={`/courses/${course.id}`} dir="auto">
          {course.title}
        </Link>
      </p>
      <h1>{t("pageTitleOf", { title: course.title })}</h1>
      <ModerationConsole
        courseId={course.id}
        texts={course.texts.map((text) => ({ id: text.id, title: text.title }))}
        initialQueue={queue}
        members={members.map((m) => ({
          userId: m.userId,
          name: m.name,
          role: m.role,
          mutedUntil: m.mutedUntil,
        }))}
      />
    </>
  );
}
