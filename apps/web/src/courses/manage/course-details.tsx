"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../courses.module.css";
import { useCourseAction } from "./use-course-action";

interface Props {
  course: { id: string; title: string; archivedAt: Date | null };
}

/** The course's title, archiving and restoring, and copying it for a new term. */
export function CourseDetails({ course }: Props) {
  const t = useTranslations("courseAdmin");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const rename = useMutation(trpc.course.rename.mutationOptions());
  const archive = useMutation(trpc.course.archive.mutationOptions());
  const restore = useMutation(trpc.course.restore.mutationOptions());
  const copy = useMutation(trpc.course.copy.mutationOptions());
  const titleAction = useCourseAction();
  const lifecycle = useCourseAction();
  const copyAction = useCourseAction();
  const archived = course.archivedAt !== null;

  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    void titleAction.run(() => rename.mutateAsync({ courseId: course.id, title }));
  };

  const onCopy = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    const created = await copyAction.run(() => copy.mutateAsync({ courseId: course.id, title }));
    if (created) router.push(`/courses/${created.id}/manage`);
  };

  return (
    <div className={styles.form}>
      <form onSubmit={onRename} className={styles.row}>
        <fieldset disabled={archived} className={`${styles.fieldset} ${styles.grow}`}>
          <div className={styles.field}>
            <label htmlFor={`${id}-title`}>{t("courseTitle")}</label>
            <input
              id={`${id}-title`}
              name="title"
              dir="auto"
              required
              maxLength={120}
              defaultValue={course.title}
            />
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={archived || titleAction.pending}>
          {t("rename")}
        </button>
      </form>
      {titleAction.error ? (
        <p className="form-error" role="alert">
          {titleAction.error}
        </p>
      ) : null}

      <div className={styles.actions}>
        {archived ? (
          <button
            type="button"
            className="button"
            disabled={lifecycle.pending}
            onClick={() => lifecycle.run(() => restore.mutateAsync({ courseId: course.id }))}
          >
            {t("restore")}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={lifecycle.pending}
            aria-describedby={`${id}-archive-hint`}
            onClick={() => lifecycle.run(() => archive.mutateAsync({ courseId: course.id }))}
          >
            {t("archive")}
          </button>
        )}
        <span className="hint" id={`${id}-archive-hint`}>
          {archived ? t("restoreHint") : t("archiveHint")}
        </span>
      </div>
      {lifecycle.error ? (
        <p className="form-error" role="alert">
          {lifecycle.error}
        </p>
      ) : null}

      <form onSubmit={onCopy} className={styles.row} aria-describedby={`${id}-copy-hint`}>
        <div className={styles.field}>
          <label htmlFor={`${id}-copy`}>{t("copyTitle")}</label>
          <input id={`${id}-copy`} name="title" dir="auto" required maxLength={120} />
        </div>
        <button type="submit" className="button" disabled={copyAction.pending}>
          {t("copy")}
        </button>
      </form>
      <span className="hint" id={`${id}-copy-hint`}>
        {t("copyHint")}
      </span>
      {copyAction.error ? (
        <p className="form-error" role="alert">
          {copyAction.error}
        </p>
      ) : null}
    </div>
  );
}
