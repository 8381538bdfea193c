"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DueMarks } from "~/courses/due-marks";
import { usePersonName } from "~/moderation/person-name";
import type { PersonView } from "./types";

/** Who wrote a comment and when; a name may be in either script, so it is isolated. */
export function CommentMeta({
  author,
  createdAt,
  editedAt,
  due,
  importedAuthorName,
  children,
}: {
  author: PersonView;
  createdAt: Date;
  editedAt: Date | null;
  /** Whether it was posted or edited after its text's due date. */
  due?: { postedAfterDue: boolean; editedAfterDue: boolean };
  /** Imported: the writer's name in the file (the author shown is who imported it). */
  importedAuthorName?: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("annotations");
  const tImport = useTranslations("import");
  const format = useFormatter();
  const personName = usePersonName();
  return (
    <header className="comment-meta">
      <span className="person-dot" style={{ backgroundColor: author.colour }} aria-hidden="true" />
      <bdi className="author">{personName(author)}</bdi>
      {importedAuthorName ? (
        <span className="muted" data-testid="imported-author">
          ({tImport("importedBy")} <bdi>{importedAuthorName}</bdi>)
        </span>
      ) : null}
      {/* The server renders in its time zone, the browser in the reader's. */}
      <time dateTime={createdAt.toISOString()} className="muted" suppressHydrationWarning>
        {format.dateTime(createdAt, { dateStyle: "medium", timeStyle: "short" })}
      </time>
      {editedAt ? <span className="muted">({t("edited")})</span> : null}
      {due ? <DueMarks due={due} /> : null}
      {children}
    </header>
  );
}
