import { auth } from "@hashiya/auth";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TextLinkList } from "~/components/text-link-list";
import { CreateCourseForm } from "~/courses/create-course-form";
import { HomeStatus } from "~/courses/home-status";
import { api } from "~/trpc/server";

interface Props {
  searchParams: Promise<{ status?: string | string[] }>;
}

export default async function HomePage({ searchParams }: Props) {
  const [session, caller, t, tRoles, tCourses, tJoin] = await Promise.all([
    auth(),
    api(),
    getTranslations("home"),
    getTranslations("roles"),
    getTranslations("courseAdmin"),
    getTranslations("join"),
  ]);
  const [courses, publicTexts] = await Promise.all([
    session ? caller.course.mine() : Promise.resolve(null),
    caller.text.publicList(),
  ]);

  return (
    <>
      <h1>{t("title")}</h1>
      <HomeStatus status={(await searchParams).status} />
      {courses ? (
        <section aria-labelledby="your-courses">
          <h2 id="your-courses">{t("yourCourses")}</h2>
          {courses.length === 0 ? (
            <p className="muted">{t("noCourses")}</p>
          ) : (
            courses.map((course) => (
              <div key={course.id} className="course-card">
                <h3>
                  <Link href={`/courses/${course.id}`} dir="auto">
                    {course.title}
                  </Link>
                  <span className="badge">{tRoles(course.role)}</span>
                  {course.archivedAt ? (
                    <span className="badge">{tCourses("archivedCourse")}</span>
                  ) : null}
                </h3>
                <TextLinkList texts={course.texts} />
              </div>
            ))
          )}
          <p>
            <Link href="/join">{tJoin("withCode")}</Link>
          </p>
          <CreateCourseForm />
        </section>
      ) : (
        <p className="lede">
          <Link href="/sign-in">{t("signInToSeeCourses")}</Link>
        </p>
      )}
      <section aria-labelledby="public-texts">
        <h2 id="public-texts">{t("publicTexts")}</h2>
        {publicTexts.length === 0 ? (
          <p className="muted">{t("noPublicTexts")}</p>
        ) : (
          <TextLinkList
            texts={publicTexts.map((text) => ({
              ...text,
              // The course title may be in either script: isolate it from the sentence.
              meta: t.rich("inCourse", {
                title: text.course.title,
                course: (chunks) => <bdi>{chunks}</bdi>,
              }),
            }))}
          />
        )}
      </section>
    </>
  );
}
