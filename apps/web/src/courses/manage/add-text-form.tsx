"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";
import styles from "../courses.module.css";
import { useDescribeError } from "../use-describe-error";
import { fromLocalInput } from "./local-datetime";
import { readTextFile } from "./read-text-file";
import { type CreateTextInput, createTextWithProgress } from "./upload-text";

type Mode = "paste" | "upload";
type Uploaded = { source: string; format: "plain" | "markdown"; name: string };

/**
 * Adds a text to the course: pasted, or uploaded as a .txt or .md file (with the upload's
 * progress), in a language detected from its letters or chosen; with an optional due date and
 * instructions. The server imports it with the text model (the one place that parses texts).
 */
export function AddTextForm({ courseId }: { courseId: string }) {
  const t = useTranslations("courseAdmin");
  const router = useRouter();
  const describe = useDescribeError();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<Mode>("paste");
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [title, setTitle] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setUploaded(null);
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    const read = await readTextFile(file);
    if (!read.ok) {
      setError(t(`file_${read.problem}`));
      return;
    }
    setUploaded({ source: read.source, format: read.format, name: file.name });
    if (!title.trim()) setTitle(read.title);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setAdded(null);
    const content =
      mode === "paste"
        ? { source: String(form.get("source") ?? ""), format: String(form.get("format")) }
        : uploaded;
    if (!content) {
      setError(t("file_missing"));
      return;
    }
    const input: CreateTextInput = {
      courseId,
      title,
      source: content.source,
      format: content.format === "markdown" ? "markdown" : "plain",
      language: String(form.get("language")) as CreateTextInput["language"],
      isPublic: form.get("isPublic") === "on",
      dueAt: fromLocalInput(String(form.get("dueAt") ?? "")),
      instructions: String(form.get("instructions") ?? ""),
    };
    setProgress(0);
    try {
      const text = await createTextWithProgress(input, setProgress);
      setAdded(t("textAdded", { title: text.title }));
      formRef.current?.reset();
      setTitle("");
      setUploaded(null);
      router.refresh();
    } catch (cause) {
      setError(describe(cause));
    } finally {
      setProgress(null);
    }
  }

  const sending = progress !== null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("addText")}</h3>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("source")}</legend>
        <div className={styles.choices}>
          {(["paste", "upload"] as const).map((choice) => (
            <label key={choice} className={styles.check}>
              <input
                type="radio"
                name="mode"
                value={choice}
                checked={mode === choice}
                onChange={() => setMode(choice)}
              />
              {t(`mode_${choice}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.field}>
        <label htmlFor={`${id}-title`}>{t("textTitle")}</label>
        <input
          id={`${id}-title`}
          name="title"
          dir="auto"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      {mode === "paste" ? (
        <>
          <div className={styles.field}>
            <label htmlFor={`${id}-source`}>{t("pasteLabel")}</label>
            <textarea
              id={`${id}-source`}
              name="source"
              dir="auto"
              required
              className={styles.source}
              aria-describedby={`${id}-source-hint`}
            />
            <span className="hint" id={`${id}-source-hint`}>
              {t("pasteHint")}
            </span>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-format`}>{t("format")}</label>
            <select id={`${id}-format`} name="format" defaultValue="plain">
              <option value="plain">{t("format_plain")}</option>
              <option value="markdown">{t("format_markdown")}</option>
            </select>
          </div>
        </>
      ) : (
        <div className={styles.field}>
          <label htmlFor={`${id}-file`}>{t("fileLabel")}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            onChange={onFile}
            aria-describedby={`${id}-file-hint`}
          />
          <span className="hint" id={`${id}-file-hint`}>
            {uploaded ? t("fileReady", { name: uploaded.name }) : t("fileHint")}
          </span>
        </div>
      )}
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${id}-language`}>{t("language")}</label>
          <select id={`${id}-language`} name="language" defaultValue="auto">
            <option value="auto">{t("language_auto")}</option>
            <option value="ar">{t("language_ar")}</option>
            <option value="en">{t("language_en")}</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-due`}>{t("dueAt")}</label>
          <input id={`${id}-due`} name="dueAt" type="datetime-local" />
        </div>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-instructions`}>{t("instructions")}</label>
        <textarea id={`${id}-instructions`} name="instructions" dir="auto" maxLength={4000} />
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="isPublic" />
        {t("isPublic")}
      </label>
      <button type="submit" className="button" disabled={sending}>
        {sending ? t("adding") : t("add")}
      </button>
      {sending ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-progress`}>
            {t("uploading", { percent: Math.round((progress ?? 0) * 100) })}
          </label>
          <progress
            id={`${id}-progress`}
            className={styles.progress}
            max={1}
            value={progress ?? 0}
          />
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {added ? (
        <p className={styles.success} role="status">
          {added}
        </p>
      ) : null}
    </form>
  );
}
