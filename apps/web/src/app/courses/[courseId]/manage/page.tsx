import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { RefusalNotice } from "~/components/refusal-notice";
import styles from "~/courses/courses.module.css";
import { AddTextForm } from "~/courses/manage/add-text-form";
import { CourseDetails } from "~/courses/manage/course-details";
import { InvitesPanel } from "~/courses/manage/invites-panel";
import { MembersTable } from "~/courses/manage/members-table";
import { SettingsForm } from "~/courses/manage/settings-form";
import { TextList } from "~/courses/manage/text-list";
import { orRefusal } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ courseId: string }>;
}

/** Everything the page shows, read on the server; the refusal for a non-instructor. */
const load = cache(async (courseId: string) => {
  const caller = await api();
  return orRefusal(
    Promise.all([
      caller.course.manage({ courseId }),
      caller.member.list({ courseId }),
      caller.invite.list({ courseId }),
    ]).then(([course, members, invites]) => ({ course, members, invites })),
  );
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("courseAdmin");
  if (!(await auth())) return { title: t("title") };
  const loaded = await load((await params).courseId);
  return { title: "course" in loaded ? t("titleOf", { title: loaded.course.title }) : t("title") };
}

/** The instructor's page for a course: settings, texts, invites and members. */
export default async function ManageCoursePage({ params }: Props) {
  const { courseId } = await params;
  const session = await auth();
  if (!session)
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/courses/${courseId}/manage`)}`);
  const [loaded, t] = await Promise.all([load(courseId), getTranslations("courseAdmin")]);
  if ("refusal" in loaded) {
    return (
      <RefusalNotice
        title={t("title")}
        refusal={loaded.refusal}
        back={{ href: `/courses/${courseId}`, label: t("backToCourse") }}
      />
    );
  }
  const { course, members, invites } = loaded;
  const archived = course.archivedAt !== null;
  return (
    <>
      <h1>{t.rich("heading", { title: course.title, course: (chunks) => <bdi>{chunks}</bdi> })}</h1>
      <p className="lede">
        <Link href={`/courses/${course.id}`}>{t("backToCourse")}</Link>
      </p>
      {archived ? (
        <p className={styles.notice} role="status">
          {t("archivedNotice")}
        </p>
      ) : null}
      <section aria-labelledby="course-details" className={styles.panel}>
        <h2 id="course-details">{t("details")}</h2>
        <CourseDetails course={course} />
      </section>
      <section aria-labelledby="course-settings" className={styles.panel}>
        <h2 id="course-settings">{t("settings")}</h2>
        <SettingsForm courseId={course.id} settings={course} disabled={archived} />
      </section>
      <section aria-labelledby="course-texts" className={styles.panel}>
        <h2 id="course-texts">{t("texts")}</h2>
        <TextList texts={course.texts} disabled={archived} />
        {archived ? null : <AddTextForm courseId={course.id} />}
      </section>
      <section aria-labelledby="course-invites" className={styles.panel}>
        <h2 id="course-invites">{t("invites")}</h2>
        <InvitesPanel courseId={course.id} invites={invites} disabled={archived} />
      </section>
      <section aria-labelledby="course-members" className={styles.panel}>
        <h2 id="course-members">{t("members")}</h2>
        <MembersTable
          courseId={course.id}
          members={members}
          viewerId={session.user.id}
          disabled={archived}
        />
      </section>
    </>
  );
}
