"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../courses.module.css";
import { useCourseAction } from "./use-course-action";

export interface CourseSettings {
  preModeration: boolean;
  revealAfterPosts: number;
  namesHidden: boolean;
  deletedAuthorPolicy: "anonymise" | "remove";
}

/** The course's discussion rules; enforced where posts are written and shown. */
export function SettingsForm({
  courseId,
  settings,
  disabled,
}: {
  courseId: string;
  settings: CourseSettings;
  disabled: boolean;
}) {
  const t = useTranslations("courseAdmin");
  const trpc = useTRPC();
  const id = useId();
  const update = useMutation(trpc.course.updateSettings.mutationOptions());
  const action = useCourseAction();
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    const done = await action.run(() =>
      update.mutateAsync({
        courseId,
        preModeration: form.get("preModeration") === "on",
        namesHidden: form.get("namesHidden") === "on",
        revealAfterPosts: Number(form.get("revealAfterPosts") ?? 0),
        deletedAuthorPolicy: form.get("deletedAuthorPolicy") === "remove" ? "remove" : "anonymise",
      }),
    );
    if (done) setSaved(true);
  };

  return (
    <form onSubmit={onSubmit} className={styles.form}>
      <fieldset disabled={disabled} className={styles.fieldset}>
        <label className={styles.check}>
          <input type="checkbox" name="preModeration" defaultChecked={settings.preModeration} />
          <span>
            {t("preModeration")}
            <br />
            <span className="hint">{t("preModerationHint")}</span>
          </span>
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="namesHidden" defaultChecked={settings.namesHidden} />
          <span>
            {t("namesHidden")}
            <br />
            <span className="hint">{t("namesHiddenHint")}</span>
          </span>
        </label>
        <div className={styles.field}>
          <label htmlFor={`${id}-reveal`}>{t("revealAfterPosts")}</label>
          <input
            id={`${id}-reveal`}
            name="revealAfterPosts"
            type="number"
            min={0}
            max={20}
            step={1}
            defaultValue={settings.revealAfterPosts}
            aria-describedby={`${id}-reveal-hint`}
          />
          <span className="hint" id={`${id}-reveal-hint`}>
            {t("revealAfterPostsHint")}
          </span>
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("deletedAuthorPolicy")}</legend>
          {(["anonymise", "remove"] as const).map((policy) => (
            <label key={policy} className={styles.check}>
              <input
                type="radio"
                name="deletedAuthorPolicy"
                value={policy}
                defaultChecked={settings.deletedAuthorPolicy === policy}
              />
              {t(`deletedAuthor_${policy}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={action.pending}>
          {t("saveSettings")}
        </button>
      </fieldset>
      {action.error ? (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      ) : null}
      {saved ? (
        <p className={styles.success} role="status">
          {t("settingsSaved")}
        </p>
      ) : null}
    </form>
  );
}
