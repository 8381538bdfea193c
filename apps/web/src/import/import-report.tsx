"use client";

import type { ImportReport } from "@hashiya/api/import";
import { useLocale, useTranslations } from "next-intl";

/** The report after an import: counts, passages placed approximately, orphans with their quotes. */
export function ImportReportView({
  report,
  text,
}: {
  report: ImportReport;
  /** The text's language and direction, for the quotes. */
  text: { language: string; direction: "rtl" | "ltr" };
}) {
  const t = useTranslations("import");
  const locale = useLocale() === "en" ? "en" : "ar";
  const quote = (value: string) => (
    <q lang={text.language} dir={text.direction}>
      {value}
    </q>
  );
  return (
    <section data-testid="import-report" aria-label={t("done")}>
      <p>{t("done")}</p>
      <ul>
        <li>{t("anchored", { count: report.anchored })}</li>
        <li>{t("replies", { count: report.replies, tags: report.tags })}</li>
        <li>
          {t("skipped", {
            annotations: report.skippedDuplicates.annotations,
            replies: report.skippedDuplicates.replies,
          })}
        </li>
        {report.moderation.applied + report.moderation.skipped > 0 ? (
          <li>{t("moderation", report.moderation)}</li>
        ) : null}
        <li>{t("attributed", { count: report.attributedToImporter })}</li>
      </ul>
      <p>{t("driftedCount", { count: report.drifted.length })}</p>
      {report.drifted.length > 0 ? (
        <ul data-testid="import-drifted">
          {report.drifted.map((entry) => (
            <li key={entry.externalId}>
              {t("item", { item: entry.item })}: {quote(entry.quote)} (
              {t("score", { percent: Math.round(entry.score * 100) })})
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t("orphanedCount", { count: report.orphaned.length })}</p>
      {report.orphaned.length > 0 ? (
        <ul data-testid="import-orphans">
          {report.orphaned.map((entry) => (
            <li key={entry.externalId}>
              {t("item", { item: entry.item })}: {quote(entry.quote)}
            </li>
          ))}
        </ul>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <p>{t("warnings")}</p>
          <ul>
            {report.warnings.map((warning, k) => (
              <li key={`${warning.item}-${k}`} dir="auto">
                {warning.message[locale]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
