"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Copies a value to the clipboard and says so (to screen readers too). */
export function CopyButton({ value, describedBy }: { value: string; describedBy?: string }) {
  const t = useTranslations("courseAdmin");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard permission (or an insecure origin): the value stays selectable.
      setState("failed");
    }
  };
  return (
    <>
      <button type="button" className="button-quiet" onClick={copy} aria-describedby={describedBy}>
        {t("copyLink")}
      </button>
      <span role="status" className="hint">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
