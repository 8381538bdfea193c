"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { describeError } from "./error-sentence";

/**
 * Delete in two steps, in place (no modal): the first press asks, the second deletes. An
 * author's delete removes the text for everyone, so a slip of the finger should not do it.
 */
export function ConfirmDelete({ onConfirm }: { onConfirm: () => Promise<void> }) {
  const t = useTranslations("annotations");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="button-quiet" onClick={() => setAsking(true)}>
        {t("delete")}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span>{t("confirmDelete")}</span>
      <button
        type="button"
        className="button-danger"
        onClick={async () => {
          try {
            await onConfirm();
          } catch (cause) {
            setError(describeError(cause, locale, tErrors("unexpected")));
          }
        }}
        // biome-ignore lint/a11y/noAutofocus: moves focus to the question just asked
        autoFocus
      >
        {t("deleteForGood")}
      </button>
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
        {t("cancel")}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
