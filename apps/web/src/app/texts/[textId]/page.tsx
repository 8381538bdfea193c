import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { can } from "@hashiya/api/policies";
import { AnnotationWorkspace } from "~/annotations/annotation-workspace";
import { ModerationProvider } from "~/moderation/context";
import { MuteNotice, RevealNotice } from "~/moderation/notices";
import { TextCollaboration } from "~/collab/text-collaboration";
import { TextBrief } from "~/courses/text-brief";
import { DashboardLink } from "~/dashboard/dashboard-link";
import { ExportButton } from "~/export/export-button";
import { ImportButton } from "~/import/import-button";
import { ReaderText } from "~/reader/reader-text";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ textId: string }>;
}

// Shared by the metadata and the page within one request.
const loadText = cache(async (textId: string) => orNotFound((await api()).text.byId({ textId })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const text = await loadText((await params).textId);
  return { title: text.title };
}

export default async function TextPage({ params }: Props) {
  const { textId } = await params;
  // Only where the threads are, not the threads themselves: the page (and its highlights)
  // comes at once, and the workspace fetches the threads (`annotation.list`) when it is up.
  // The anchors check access on their own, so they are read beside the text, not after it.
  const [text, t, session, { anchors }, status] = await Promise.all([
    loadText(textId),
    getTranslations("reader"),
    auth(),
    orNotFound(api().then((caller) => caller.annotation.anchors({ textId }))),
    orNotFound(api().then((caller) => caller.moderation.viewerStatus({ textId }))),
  ]);
  const user = session?.user;
  const actor = user?.id ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  // An archived course is read-only for everyone (the server refuses writes too).
  const canAnnotate =
    (text.standing !== "none" || user?.isAdmin === true) && text.course.archivedAt === null;
  return (
    <>
      <header className="reader-head">
        <p className="meta">
          {t("course")}:{" "}
          <Link href={`/courses/${text.course.id}`} dir="auto">
            {text.course.title}
          </Link>
          {text.isPublic ? <span className="badge">{t("public")}</span> : null}{" "}
          <DashboardLink
            textId={text.id}
            textTitle={text.title}
            standing={text.standing}
            user={user}
          />{" "}
          <ExportButton kind="text" id={text.id} standing={text.standing} user={user} />{" "}
          <ImportButton
            textId={text.id}
            text={{ language: text.language, direction: text.direction }}
            standing={text.standing}
            user={user}
          />
        </p>
        <h1 lang={text.language} dir={text.direction}>
          {text.title}
        </h1>
      </header>
      <TextBrief text={text} />
      {status.mute ? <MuteNotice until={status.mute.until} reason={status.mute.reason} /> : null}
      {status.reveal ? (
        <RevealNotice required={status.reveal.required} posted={status.reveal.posted} />
      ) : null}
      <ModerationProvider
        textId={text.id}
        courseId={text.course.id}
        canModerate={can(actor, text.standing, "moderate")}
        canFlag={canAnnotate}
        viewerId={user?.id ?? null}
        revealHeld={status.reveal !== null}
      >
        <TextCollaboration textId={text.id} canWrite={canAnnotate}>
          <AnnotationWorkspace
            // Once "reveal after posting" opens classmates' work, the list starts again from it.
            key={status.reveal ? "held-back" : "open"}
            text={{
              id: text.id,
              version: text.version,
              direction: text.direction,
              language: text.language,
            }}
            label={t("textLabel", { title: text.title })}
            viewer={user?.id ? { id: user.id, canAnnotate } : null}
            anchors={anchors}
          >
            <ReaderText blocks={text.blocks} />
          </AnnotationWorkspace>
        </TextCollaboration>
      </ModerationProvider>
    </>
  );
}
