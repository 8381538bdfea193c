"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "./courses.module.css";
import { useDescribeError } from "./use-describe-error";

/** Joins a course with the short code an instructor read out or wrote on the board. */
export function JoinCodeForm({
  initialCode = "",
  heading: Heading = "h2",
}: {
  initialCode?: string;
  /** The form's heading level on the page it is part of. */
  heading?: "h1" | "h2";
}) {
  const t = useTranslations("join");
  const trpc = useTRPC();
  const router = useRouter();
  const describe = useDescribeError();
  const join = useMutation(trpc.invite.join.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setError(null);
    try {
      const joined = await join.mutateAsync({ code });
      router.push(`/courses/${joined.courseId}`);
    } catch (cause) {
      setError(describe(cause));
    }
  }

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t("withCode")}</Heading>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${id}-code`}>{t("code")}</label>
          <input
            id={`${id}-code`}
            name="code"
            dir="ltr"
            className={styles.code}
            defaultValue={initialCode}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={20}
            placeholder="K7QM-3XPA"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          />
          <span className="hint" id={`${id}-hint`}>
            {t("codeHint")}
          </span>
        </div>
        <button type="submit" className="button" disabled={join.isPending}>
          {join.isPending ? t("joining") : t("join")}
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
