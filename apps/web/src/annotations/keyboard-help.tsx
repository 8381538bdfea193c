"use client";

import { useTranslations } from "next-intl";

/**
 * The reader's keyboard commands, written out: a one-line summary the text refers to
 * (aria-describedby) and the full list in a disclosure above the text.
 */
export function KeyboardHelp({ id }: { id: string }) {
  const t = useTranslations("annotations");
  return (
    <details className="keyboard-help">
      <summary>{t("keysTitle")}</summary>
      <p id={id}>{t("keysSummary")}</p>
      <dl>
        <dt>
          <kbd>Alt</kbd> + <kbd>←</kbd>/<kbd>→</kbd>
        </dt>
        <dd>{t("keysWord")}</dd>
        <dt>
          <kbd>Alt</kbd> + <kbd>↑</kbd>/<kbd>↓</kbd>
        </dt>
        <dd>{t("keysSentence")}</dd>
        <dt>
          <kbd>Alt</kbd> + <kbd>PageUp</kbd>/<kbd>PageDown</kbd>
        </dt>
        <dd>{t("keysParagraph")}</dd>
        <dt>
          <kbd>Shift</kbd>
        </dt>
        <dd>{t("keysExtend")}</dd>
        <dt>
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Alt</kbd> + <kbd>A</kbd>
        </dt>
        <dd>{t("keysAnnotate")}</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t("keysClear")}</dd>
      </dl>
    </details>
  );
}
