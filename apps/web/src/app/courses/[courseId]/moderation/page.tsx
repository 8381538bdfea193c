import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { RefusalNotice } from "~/components/refusal-notice";
import { ModerationConsole } from "~/moderation/console/moderation-console";
import { orRefusal } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ courseId: string }>;
}

/** The course, its queue and its members, read on the server; the refusal for a non-staff member. */
const load = cache(async (courseId: string) => {
  const caller = await api();
  return orRefusal(
    Promise.all([
      caller.course.byId({ courseId }),
      caller.moderation.queue({ courseId }),
      caller.member.list({ courseId }),
    ]).then(([course, queue, members]) => ({ course, queue, members })),
  );
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
  const [loaded, t] = await Promise.all([load(courseId), getTranslations("moderation")]);
  if ("refusal" in loaded) {
    return (
      <RefusalNotice
        title={t("pageTitle")}
        refusal={loaded.refusal}
        back={{ href: `/courses/${courseId}`, label: t("backToCourse") }}
      />
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
