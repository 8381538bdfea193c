"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormDialog } from "~/components/form-dialog";

// The staff's export dialog: pick a format, download it as a stream, and watch it arrive
// (bytes received, and the item count the server sends first in `X-Total-Count`).

const FORMATS = ["csv", "json", "w3c", "html", "md"] as const;
type Format = (typeof FORMATS)[number];

interface Props {
  kind: "text" | "course";
  id: string;
}

type Progress =
  | { state: "idle" }
  | { state: "running"; bytes: number; total: number | null }
  | { state: "done"; bytes: number; total: number | null }
  | { state: "failed"; message: string };

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

export function ExportDialog({ kind, id }: Props) {
  const t = useTranslations("export");
  const [format, setFormat] = useState<Format>("csv");
  const [bom, setBom] = useState(true);
  const [progress, setProgress] = useState<Progress>({ state: "idle" });

  async function run() {
    const query = `format=${format}${format === "csv" && bom ? "&bom=1" : ""}`;
    try {
      const response = await fetch(`/api/export/${kind}s/${encodeURIComponent(id)}?${query}`);
      if (!response.ok || !response.body) {
        setProgress({ state: "failed", message: t("failed") });
        return;
      }
      const totalHeader = response.headers.get("x-total-count");
      const total = totalHeader === null ? null : Number(totalHeader);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      setProgress({ state: "running", bytes, total });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setProgress({ state: "running", bytes, total });
      }
      const blob = new Blob(chunks as BlobPart[], {
        type: response.headers.get("content-type") ?? "",
      });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileNameOf(response, `hashiya-${kind}-${id}.${format}`);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setProgress({ state: "done", bytes, total });
    } catch {
      setProgress({ state: "failed", message: t("failed") });
    }
  }

  const kb = (bytes: number) => Math.ceil(bytes / 1024);
  return (
    <FormDialog
      name="export"
      id={id}
      openLabel={t("open")}
      title={kind === "text" ? t("titleText") : t("titleCourse")}
      submitLabel={t("download")}
      closeLabel={t("close")}
      busy={progress.state === "running"}
      onSubmit={() => void run()}
    >
      <fieldset>
        <legend>{t("format")}</legend>
        {FORMATS.map((name) => (
          <label key={name}>
            <input
              type="radio"
              name="format"
              value={name}
              checked={format === name}
              onChange={() => setFormat(name)}
            />{" "}
            {t(`formats.${name}`)}
          </label>
        ))}
      </fieldset>
      {format === "csv" ? (
        <label>
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />{" "}
          {t("bom")}
        </label>
      ) : null}
      <p role="status" aria-live="polite" data-testid="export-progress">
        {progress.state === "running" || progress.state === "done" ? (
          <>
            {progress.total !== null ? t("total", { count: progress.total }) : null}{" "}
            {progress.state === "running"
              ? t("receiving", { kb: kb(progress.bytes) })
              : t("done", { kb: kb(progress.bytes) })}
          </>
        ) : progress.state === "failed" ? (
          progress.message
        ) : null}
      </p>
      {progress.state === "running" ? <progress /> : null}
    </FormDialog>
  );
}
