"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

/** Every course, searched by title; an admin may open any of them. */
export function CourseTable() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const pages = useInfiniteQuery(
    trpc.admin.courses.infiniteQueryOptions(
      { query, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: null },
    ),
  );
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get("courseQuery") ?? ""));
  }
  const courses = pages.data?.pages.flatMap((page) => page.courses) ?? [];
  return (
    <>
      <search>
        <form onSubmit={search} className="admin-search">
          <label htmlFor="courseQuery">{t("searchCourses")}</label>
          <input id="courseQuery" name="courseQuery" type="search" dir="auto" />
          <button type="submit" className="button-quiet">
            {t("search")}
          </button>
        </form>
      </search>
      {pages.isSuccess && courses.length === 0 ? <p>{t("none")}</p> : null}
      {courses.length > 0 ? (
        <table className="admin-table" data-testid="admin-courses">
          <thead>
            <tr>
              <th scope="col">{t("courseTitle")}</th>
              <th scope="col">{t("instructors")}</th>
              <th scope="col">{t("members")}</th>
              <th scope="col">{t("texts")}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.id}>
                <th scope="row">
                  <Link href={`/courses/${course.id}`} dir="auto">
                    {course.title}
                  </Link>
                  {course.archivedAt ? <span className="badge">{t("archived")}</span> : null}
                </th>
                <td>
                  {course.instructors.map((person, index) => (
                    <span key={person.id}>
                      {index > 0 ? "، " : null}
                      <bdi>{person.name}</bdi>
                    </span>
                  ))}
                </td>
                <td>{course.members}</td>
                <td>{course.texts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages.hasNextPage ? (
        <button type="button" className="button-quiet" onClick={() => void pages.fetchNextPage()}>
          {t("more")}
        </button>
      ) : null}
    </>
  );
}
