"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "./courses.module.css";
import { useDescribeError } from "./use-describe-error";

/** Starts a course: its creator becomes its instructor and lands on its settings page. */
export function CreateCourseForm() {
  const t = useTranslations("courseAdmin");
  const trpc = useTRPC();
  const router = useRouter();
  const describe = useDescribeError();
  const create = useMutation(trpc.course.create.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setError(null);
    try {
      const course = await create.mutateAsync({ title });
      router.push(`/courses/${course.id}/manage`);
    } catch (cause) {
      setError(describe(cause));
    }
  }

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("createHeading")}</h2>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${id}-title`}>{t("courseTitle")}</label>
          <input
            id={`${id}-title`}
            name="title"
            dir="auto"
            required
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </form>
  );
}
