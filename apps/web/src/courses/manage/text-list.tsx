"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import styles from "../courses.module.css";
import { DeleteText } from "./delete-text";
import { fromLocalInput, toLocalInput } from "./local-datetime";
import { useCourseAction } from "./use-course-action";

export interface AdminText {
  id: string;
  title: string;
  language: string;
  direction: "rtl" | "ltr";
  isPublic: boolean;
  dueAt: Date | null;
  instructions: string;
}

/** The course's texts, each with its details and a form to change them. */
export function TextList({ texts, disabled }: { texts: AdminText[]; disabled: boolean }) {
  const t = useTranslations("courseAdmin");
  const tExits = useTranslations("courseExits");
  // The last text deleted here, said once it is gone from the list.
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <>
      <p role="status" data-testid="text-list-status">
        {deleted
          ? tExits.rich("textDeleted", { title: deleted, bdi: (chunks) => <bdi>{chunks}</bdi> })
          : null}
      </p>
      {texts.length === 0 ? (
        <p className="muted">{t("noTexts")}</p>
      ) : (
        <ul className="text-list">
          {texts.map((text) => (
            <TextItem key={text.id} text={text} disabled={disabled} onDeleted={setDeleted} />
          ))}
        </ul>
      )}
    </>
  );
}

function TextItem({
  text,
  disabled,
  onDeleted,
}: {
  text: AdminText;
  disabled: boolean;
  onDeleted: (title: string) => void;
}) {
  const t = useTranslations("courseAdmin");
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  return (
    <li className={styles.textItem}>
      <Link href={`/texts/${text.id}`} lang={text.language} dir="auto">
        {text.title}
      </Link>
      <span className="meta">
        {t(`language_${text.language === "ar" ? "ar" : "en"}`)}
        {text.isPublic ? ` · ${t("public")}` : ""}
        {text.dueAt
          ? ` · ${t("dueOn", { date: format.dateTime(text.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}`
          : ""}
      </span>
      {editing ? (
        <TextEditForm text={text} onDone={() => setEditing(false)} />
      ) : (
        <button
          type="button"
          className="button-quiet"
          disabled={disabled}
          onClick={() => setEditing(true)}
          aria-label={t("editTextNamed", { title: text.title })}
        >
          {t("editText")}
        </button>
      )}
      {editing ? null : <DeleteText text={text} disabled={disabled} onDeleted={onDeleted} />}
    </li>
  );
}

/** Rendered only on request (in the browser): its dates are in the reader's own time zone. */
function TextEditForm({ text, onDone }: { text: AdminText; onDone: () => void }) {
  const t = useTranslations("courseAdmin");
  const trpc = useTRPC();
  const id = useId();
  const update = useMutation(trpc.text.update.mutationOptions());
  const action = useCourseAction();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await action.run(() =>
      update.mutateAsync({
        textId: text.id,
        title: String(form.get("title") ?? ""),
        dueAt: fromLocalInput(String(form.get("dueAt") ?? "")),
        instructions: String(form.get("instructions") ?? ""),
        isPublic: form.get("isPublic") === "on",
        language: form.get("language") === "en" ? "en" : "ar",
      }),
    );
    if (done) onDone();
  };

  return (
    <form
      onSubmit={onSubmit}
      className={styles.form}
      aria-label={t("editTextNamed", { title: text.title })}
    >
      <div className={styles.field}>
        <label htmlFor={`${id}-title`}>{t("textTitle")}</label>
        <input
          id={`${id}-title`}
          name="title"
          dir="auto"
          required
          maxLength={200}
          defaultValue={text.title}
        />
      </div>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${id}-language`}>{t("language")}</label>
          <select id={`${id}-language`} name="language" defaultValue={text.language}>
            <option value="ar">{t("language_ar")}</option>
            <option value="en">{t("language_en")}</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-due`}>{t("dueAt")}</label>
          <input
            id={`${id}-due`}
            name="dueAt"
            type="datetime-local"
            defaultValue={toLocalInput(text.dueAt)}
          />
        </div>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-instructions`}>{t("instructions")}</label>
        <textarea
          id={`${id}-instructions`}
          name="instructions"
          dir="auto"
          maxLength={4000}
          defaultValue={text.instructions}
        />
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="isPublic" defaultChecked={text.isPublic} />
        {t("isPublic")}
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={action.pending}>
          {t("saveText")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
      {action.error ? (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </form>
  );
}
