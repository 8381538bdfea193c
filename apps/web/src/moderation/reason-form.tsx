"use client";

import { MODERATION_REASON_MAX_CHARS } from "@hashiya/annotation-schema";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useDescribeError } from "~/courses/use-describe-error";
import styles from "./moderation.module.css";

/**
 * A small inline form asking for a reason before an action (a report, a hide, a denial, a
 * delete): a labelled field, a confirm and a cancel button; the server's refusal is read out.
 */
export function ReasonForm({
  label,
  submitLabel,
  required,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  submitLabel: string;
  required: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
  /** Extra fields (the length of a mute). */
  children?: React.ReactNode;
}) {
  const t = useTranslations("moderation");
  const describe = useDescribeError();
  const id = useId();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(reason);
    } catch (cause) {
      setError(describe(cause));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={styles.reasonForm} onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>{label}</label>
      <input
        id={`${id}-reason`}
        dir="auto"
        value={reason}
        maxLength={MODERATION_REASON_MAX_CHARS}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setReason(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the field the button just asked for
        autoFocus
      />
      {children}
      <div className={styles.row}>
        <button type="submit" className="button-danger" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </form>
  );
}
