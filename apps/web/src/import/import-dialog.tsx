"use client";

import type { ImportReport } from "@hashiya/api/import";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormDialog } from "~/components/form-dialog";
import { ImportReportView } from "./import-report";
import { type ImportLine, type ImportRefusal, postImport } from "./import-stream";

// The instructor's import dialog: pick a file, send it, follow the server's progress lines
// (parsed, placing n of N, saving n of N), then read the report. The new threads arrive in the
// reader by its live stream.

interface Props {
  textId: string;
  text: { language: string; direction: "rtl" | "ltr" };
}

type State =
  | { state: "idle" }
  | { state: "running"; line: ImportLine | null; upload?: { sent: number; total: number } }
  | { state: "done"; report: ImportReport }
  | { state: "refused"; refusal: ImportRefusal }
  | { state: "failed" };

export function ImportDialog({ textId, text }: Props) {
  const t = useTranslations("import");
  const locale = useLocale() === "en" ? "en" : "ar";
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ state: "idle" });

  async function run() {
    const file = input.current?.files?.[0];
    if (!file) return;
    setState({ state: "running", line: null });
    try {
      let last: ImportLine | null = null;
      const refusal = await postImport(
        textId,
        file,
        (line) => {
          last = line;
          if (line.type === "progress") setState({ state: "running", line });
        },
        (sent, total) => setState({ state: "running", line: null, upload: { sent, total } }),
      );
      const end = last as ImportLine | null;
      if (refusal) setState({ state: "refused", refusal });
      else if (end?.type === "done") setState({ state: "done", report: end.report });
      else if (end?.type === "error")
        setState({ state: "refused", refusal: { messages: end.error.messages, problems: [] } });
      else setState({ state: "failed" });
    } catch {
      setState({ state: "failed" });
    }
  }

  const line = state.state === "running" ? state.line : null;
  const upload = state.state === "running" ? state.upload : undefined;
  const progress =
    line?.type === "progress" && line.stage !== "parsed"
      ? { value: line.done, max: line.total }
      : line === null && upload
        ? { value: upload.sent, max: upload.total }
        : null;
  return (
    <FormDialog
      name="import"
      id={textId}
      openLabel={t("open")}
      title={t("title")}
      intro={<p>{t("intro")}</p>}
      submitLabel={t("submit")}
      closeLabel={t("close")}
      busy={state.state === "running"}
      onSubmit={() => void run()}
    >
      <label>
        {t("file")}{" "}
        <input
          ref={input}
          type="file"
          name="file"
          required
          accept=".json,.jsonld,application/json,application/ld+json"
        />
      </label>
      <p role="status" aria-live="polite" data-testid="import-progress">
        {state.state === "running"
          ? line === null
            ? upload
              ? t("uploading", {
                  percent: Math.floor((100 * upload.sent) / (upload.total || 1)),
                })
              : t("sending")
            : line.type !== "progress"
              ? null
              : line.stage === "parsed"
                ? t("parsed", line)
                : t(line.stage, { done: line.done, total: line.total })
          : state.state === "failed"
            ? t("failed")
            : null}
      </p>
      {state.state === "running" ? (
        <progress aria-label={t("submit")} {...(progress && progress.max > 0 ? progress : {})} />
      ) : null}
      {state.state === "refused" ? (
        <div role="alert" data-testid="import-refusal">
          <p>{state.refusal.messages[locale]}</p>
          {state.refusal.problems.length > 0 ? (
            <>
              <p>{t("problems")}</p>
              <ul>
                {state.refusal.problems.map((problem, k) => (
                  <li key={`${problem.item}-${k}`} dir="auto">
                    {problem.message[locale]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {state.state === "done" ? <ImportReportView report={state.report} text={text} /> : null}
    </FormDialog>
  );
}
