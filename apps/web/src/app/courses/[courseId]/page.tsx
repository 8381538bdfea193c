import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { TextLinkList } from "~/components/text-link-list";
import { CourseNotices } from "~/courses/course-notices";
import { LeaveCourse } from "~/courses/leave-course";
import { DashboardLink } from "~/dashboard/dashboard-link";
import { ExportButton } from "~/export/export-button";
import { ModerationLink } from "~/moderation/moderation-link";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ courseId: string }>;
}

// Shared by the metadata and the page within one request.
const loadCourse = cache(async (courseId: string) =>
  orNotFound((await api()).course.byId({ courseId })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await loadCourse((await params).courseId);
  return { title: course.title };
}

export default async function CoursePage({ params }: Props) {
  const { courseId } = await params;
  const [course, t, tRoles, session] = await Promise.all([
    loadCourse(courseId),
    getTranslations("course"),
    getTranslations("roles"),
    auth(),
  ]);
  return (
    <>
      <h1 dir="auto">{course.title}</h1>
      {course.role ? <p className="lede">{t("yourRole", { role: tRoles(course.role) })}</p> : null}
      <ModerationLink courseId={course.id} standing={course.role} user={session?.user} />
      <ExportButton kind="course" id={course.id} standing={course.role} user={session?.user} />
      <CourseNotices course={course} />
      <section aria-labelledby="course-texts">
        <h2 id="course-texts">{t("texts")}</h2>
        {course.texts.length === 0 ? (
          <p className="muted">{t("noTexts")}</p>
        ) : (
          <TextLinkList
            texts={course.texts.map((text) => ({
              ...text,
              meta: (
                <DashboardLink
                  textId={text.id}
                  textTitle={text.title}
                  standing={course.role}
                  user={session?.user}
                />
              ),
            }))}
          />
        )}
      </section>
      {course.role ? <LeaveCourse courseId={course.id} title={course.title} /> : null}
    </>
  );
}
