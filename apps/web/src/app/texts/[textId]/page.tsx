import { auth } from "@hashiya/auth";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { AnnotationWorkspace } from "~/annotations/annotation-workspace";
import { TextCollaboration } from "~/collab/text-collaboration";
import { TextBrief } from "~/courses/text-brief";
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
  const [text, t, session] = await Promise.all([
    loadText(textId),
    getTranslations("reader"),
    auth(),
  ]);
  // Read after the text (which checked access): the threads this reader may see, and the
  // live log's position they reflect, so the page subscribes from there.
  const snapshot = await (await api()).annotation.list({ textId });
  const user = session?.user;
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
          {text.isPublic ? <span className="badge">{t("public")}</span> : null}
        </p>
        <h1 lang={text.language} dir={text.direction}>
          {text.title}
        </h1>
      </header>
      <TextBrief text={text} />
      <TextCollaboration textId={text.id} canWrite={canAnnotate}>
        <AnnotationWorkspace
          text={{
            id: text.id,
            version: text.version,
            blocks: text.blocks,
            direction: text.direction,
            language: text.language,
          }}
          label={t("textLabel", { title: text.title })}
          viewer={user?.id ? { id: user.id, canAnnotate } : null}
          snapshot={snapshot}
        />
      </TextCollaboration>
    </>
  );
}
