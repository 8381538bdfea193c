"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { errorSentence } from "~/i18n/errors";
import { describeError } from "../error-sentence";
import { MAX_TAGS_PER_ANNOTATION, type Visibility } from "../types";
import { parseTags } from "./tags";
import { CommentEditor, writtenLength } from "./comment-editor";

/** What a thread's form adds to the comment itself. */
export interface ThreadOptions {
  visibility: Visibility;
  isQuestion: boolean;
  tags: string[];
}

export interface CommentFormProps {
  /** The accessible name of the editor ("Your comment", "Your reply"). */
  label: string;
  submitLabel: string;
  initialBody?: JSONContent | null;
  /** Present for threads (new or edited): visibility, question, tags. */
  threadOptions?: ThreadOptions;
  /** Shown above the editor (the quoted passage of a new thread). */
  header?: ReactNode;
  onSubmit: (body: JSONContent, options: ThreadOptions | undefined) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
  /** The thread a reply or an edit is in: who may be mentioned depends on it. */
  mentionThread?: string;
}

const VISIBILITIES: Visibility[] = ["course", "instructors", "private"];

/**
 * The composer: a comment editor, and for threads the visibility, question and tags. The
 * server decides; its refusals come back as sentences in the interface language.
 */
export function CommentForm({
  label,
  submitLabel,
  initialBody,
  threadOptions,
  header,
  onSubmit,
  onCancel,
  testId,
  mentionThread,
}: CommentFormProps) {
  const t = useTranslations("annotations");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { tags: useId(), tagsHint: useId(), error: useId() };

  async function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (!editor || pending) return;
    // Empty is caught here (no round trip); the length limit is the server's to enforce — the
    // counter warns on the way, and a refusal comes back as the catalogue's sentence.
    if (writtenLength(editor) === 0 || editor.getText().trim() === "") {
      setError(errorSentence("comment.empty", locale));
      return;
    }
    const form = new FormData(formRef.current ?? undefined);
    const options = threadOptions
      ? {
          visibility: (form.get("visibility") as Visibility | null) ?? threadOptions.visibility,
          isQuestion: form.get("isQuestion") === "on",
          tags: parseTags(String(form.get("tags") ?? "")),
        }
      : undefined;
    setPending(true);
    setError(null);
    try {
      await onSubmit(editor.getJSON(), options);
    } catch (cause) {
      setError(describeError(cause, locale, tErrors("unexpected")));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="composer"
      onSubmit={submit}
      data-testid={testId}
      aria-describedby={error ? ids.error : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {header}
      <CommentEditor
        label={label}
        initial={initialBody}
        onEditor={setEditor}
        autoFocus
        onSubmitShortcut={() => void submit()}
        testId={testId ? `${testId}-input` : undefined}
        mentionScope={() => ({
          annotationId: mentionThread,
          visibility:
            (new FormData(formRef.current ?? undefined).get("visibility") as Visibility | null) ??
            threadOptions?.visibility,
        })}
      />
      {threadOptions ? (
        <div className="composer-options">
          <fieldset className="choice-group">
            <legend>{t("visibility")}</legend>
            {VISIBILITIES.map((visibility) => (
              <label key={visibility} className="choice">
                <input
                  type="radio"
                  name="visibility"
                  value={visibility}
                  defaultChecked={threadOptions.visibility === visibility}
                />
                {t(`visibility_${visibility}`)}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input type="checkbox" name="isQuestion" defaultChecked={threadOptions.isQuestion} />
            {t("isQuestion")}
          </label>
          <div className="field">
            <label htmlFor={ids.tags}>{t("tags")}</label>
            <input
              id={ids.tags}
              name="tags"
              dir="auto"
              autoComplete="off"
              defaultValue={threadOptions.tags.join(", ")}
              aria-describedby={ids.tagsHint}
            />
            <span className="hint" id={ids.tagsHint}>
              {t("tagsHint", { max: MAX_TAGS_PER_ANNOTATION })}
            </span>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" id={ids.error}>
          {error}
        </p>
      ) : null}
      <div className="composer-actions">
        <button type="submit" className="button" disabled={pending || !editor}>
          {pending ? t("sending") : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
