"use client";

import type { RouterOutputs } from "@hashiya/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";
import { ConfusionReport } from "./confusion-report";
import styles from "./dashboard.module.css";
import { HeatMap } from "./heat-map";
import { LocalTime } from "./local-time";
import { ParticipationTable } from "./participation-table";
import { useLiveRefresh } from "./use-live-refresh";

type Outputs = RouterOutputs["dashboard"];

export interface DashboardViewProps {
  text: {
    id: string;
    title: string;
    language: string;
    direction: "rtl" | "ltr";
    blocks: { text: string }[];
    course: { id: string; title: string };
  };
  /** The reports as the server read them for this page. */
  initial: {
    participation: Outputs["participation"];
    heatmap: Outputs["heatmap"];
    confusion: Outputs["confusion"];
    /** When the server read them (ms since the epoch): server and browser render the same. */
    readAt: number;
  };
}

/** A text's dashboard: participation, heat map and confusion report, kept live. */
export function DashboardView({ text, initial }: DashboardViewProps) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { textId: text.id };
  const participation = useQuery(
    trpc.dashboard.participation.queryOptions(input, {
      initialData: initial.participation,
      initialDataUpdatedAt: initial.readAt,
    }),
  );
  const heatmap = useQuery(
    trpc.dashboard.heatmap.queryOptions(input, {
      initialData: initial.heatmap,
      initialDataUpdatedAt: initial.readAt,
    }),
  );
  const confusion = useQuery(
    trpc.dashboard.confusion.queryOptions(input, {
      initialData: initial.confusion,
      initialDataUpdatedAt: initial.readAt,
    }),
  );
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    [queryClient, trpc],
  );
  const live = useLiveRefresh(text.id, refresh);

  const { dueAt, students } = participation.data;
  const active = students.filter((s) => s.annotations + s.replies > 0).length;
  const csvHref = `/texts/${encodeURIComponent(text.id)}/dashboard/participation.csv`;

  return (
    <div className={styles.dashboard}>
      <header className={styles.head}>
        <p className="meta">
          <Link href={`/courses/${text.course.id}`} dir="auto">
            {text.course.title}
          </Link>
          {" · "}
          <Link href={`/texts/${text.id}`}>{t("backToText")}</Link>
        </p>
        <h1>
          {t("heading")}:{" "}
          <span lang={text.language} dir={text.direction}>
            {text.title}
          </span>
        </h1>
        <p className="meta">
          {dueAt ? (
            <>
              {t("due")} <LocalTime date={dueAt} />
            </>
          ) : (
            t("noDue")
          )}
        </p>
        <p className={styles.live} role="status" data-status={live} data-testid="dashboard-live">
          {t(`live_${live}`)}
          {" · "}
          {t("updated")} <LocalTime date={new Date(participation.dataUpdatedAt)} style="time" />
        </p>
      </header>

      <section aria-labelledby="participation-heading">
        <h2 id="participation-heading">{t("participation")}</h2>
        <p>{t("participationSummary", { students: students.length, active })}</p>
        <p className="hint">{t("countingNote")}</p>
        {/* A plain GET form: the download works without JavaScript, and the server checks access. */}
        <form action={csvHref} method="get" className={styles.csv}>
          <label>
            <input type="checkbox" name="bom" value="1" defaultChecked />
            {t("csvBom")}
          </label>
          <button type="submit" className="button" data-testid="csv-download">
            {t("csv")}
          </button>
        </form>
        <ParticipationTable rows={students} hasDue={dueAt !== null} />
      </section>

      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t("heatmap")}</h2>
        <p>
          {t("heatmapSummary", {
            annotations: heatmap.data.annotations,
            orphaned: heatmap.data.orphaned,
          })}
        </p>
        <p className="hint">{t("heatmapHint")}</p>
        <HeatMap
          heatmap={heatmap.data}
          blocks={text.blocks}
          language={text.language}
          direction={text.direction}
        />
      </section>

      <section aria-labelledby="confusion-heading">
        <h2 id="confusion-heading">{t("confusion")}</h2>
        <p className="hint">{t("confusionHint")}</p>
        <ConfusionReport
          textId={text.id}
          passages={confusion.data}
          language={text.language}
          direction={text.direction}
        />
      </section>
    </div>
  );
}
