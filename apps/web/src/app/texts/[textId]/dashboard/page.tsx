import { auth } from "@hashiya/auth";
import { errorMessages } from "@hashiya/api/errors";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { DashboardView } from "~/dashboard/dashboard-view";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ textId: string }>;
}

const loadText = cache(async (textId: string) => orNotFound((await api()).text.byId({ textId })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { textId } = await params;
  if (!(await auth())) return {};
  const [text, t] = await Promise.all([loadText(textId), getTranslations("dashboard")]);
  return { title: t("title", { title: text.title }) };
}

/** The first answers of the three reports, read on the server; the page then keeps them live. */
async function loadReports(textId: string) {
  const caller = await api();
  const [participation, heatmap, confusion] = await Promise.all([
    caller.dashboard.participation({ textId }),
    caller.dashboard.heatmap({ textId }),
    caller.dashboard.confusion({ textId }),
  ]);
  return { participation, heatmap, confusion, readAt: Date.now() };
}

export default async function DashboardPage({ params }: Props) {
  const { textId } = await params;
  if (!(await auth())) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/texts/${textId}/dashboard`)}`);
  }
  const [text, t, locale] = await Promise.all([
    loadText(textId),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  let reports: Awaited<ReturnType<typeof loadReports>>;
  try {
    reports = await orNotFound(loadReports(textId));
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === "FORBIDDEN")) throw error;
    return (
      <>
        <h1>{t("staffOnlyTitle")}</h1>
        <p>{errorMessages["dashboard.staff_only"][locale]}</p>
        <p>
          <Link href={`/texts/${text.id}`}>{t("backToText")}</Link>
        </p>
      </>
    );
  }
  return (
    <DashboardView
      text={{
        id: text.id,
        title: text.title,
        language: text.language,
        direction: text.direction,
        blocks: text.blocks,
        course: text.course,
      }}
      initial={reports}
    />
  );
}
