"use client";

import type { JSONContent } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { memo, useState } from "react";
import { ModerationControls } from "~/moderation/moderation-controls";
import { ModerationMark } from "~/moderation/moderation-mark";
import { usePersonName } from "~/moderation/person-name";
import { CommentMeta } from "./comment-meta";
import { CommentForm, type ThreadOptions } from "./composer/lazy-comment-form";
import { ConfirmDelete } from "./confirm-delete";
import { ReactionsBar } from "./reactions-bar";
import { type ReplyActions, ReplyItem } from "./reply-item";
import type { ReactionKind, ThreadView } from "./types";

export interface ThreadActions extends ReplyActions {
  editThread: (threadId: string, body: JSONContent, options: ThreadOptions) => Promise<void>;
  removeThread: (threadId: string) => Promise<void>;
  reactThread: (threadId: string, kind: ReactionKind, on: boolean) => void;
  reply: (threadId: string, body: JSONContent) => Promise<void>;
  /** Shows (and selects) the thread's passage in the text. */
  showPassage: (thread: ThreadView) => void;
  filterByTag: (tag: string) => void;
}

export interface ThreadCardProps {
  thread: ThreadView;
  active: boolean;
  viewerId: string | null;
  canWrite: boolean;
  text: { language: string; direction: "rtl" | "ltr" };
  /** Stable across renders (with `actions`), so a card re-renders only when its thread does. */
  actions: ThreadActions;
  onActivate: (threadId: string) => void;
}

/**
 * One thread: its passage, the comment (the server's HTML, or a tombstone when its author
 * deleted it and replies hang on it), tags, reactions, replies and the reply composer.
 */
export const ThreadCard = memo(function ThreadCard({
  thread,
  active,
  viewerId,
  canWrite,
  text,
  actions,
  onActivate,
}: ThreadCardProps) {
  const t = useTranslations("annotations");
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const own = viewerId !== null && thread.author.id === viewerId && !thread.deleted;
  const tModeration = useTranslations("moderation");
  const personName = usePersonName();
  // A hidden thread's placeholder (or a removed one's tombstone) for those who may not see it.
  const withheld = thread.moderation?.withheld === true;
  const headingId = `thread-${thread.id}-heading`;

  return (
    <article
      className="thread"
      data-thread-id={thread.id}
      data-active={active || undefined}
      data-testid="thread"
      aria-labelledby={headingId}
      tabIndex={-1}
      // Focusable (tabIndex -1), so a click focuses it too: one handler for both.
      onFocus={() => onActivate(thread.id)}
    >
      {thread.deleted || withheld ? (
        <p className="tombstone" id={headingId}>
          {withheld ? tModeration(`withheld_${thread.moderation?.state ?? "hidden"}`) : t("deleted")}
        </p>
      ) : (
        <CommentMeta
          author={thread.author}
          createdAt={thread.createdAt}
          editedAt={thread.editedAt}
          due={thread}
          importedAuthorName={thread.importedAuthorName}
        >
          <span id={headingId} className="visually-hidden">
            {t("threadBy", { name: personName(thread.author) })}
          </span>
          {thread.isQuestion ? <span className="badge badge-question">{t("question")}</span> : null}
          {thread.visibility !== "course" ? (
            <span className="badge" data-visibility={thread.visibility}>
              {t(`visibility_${thread.visibility}`)}
            </span>
          ) : null}
          {thread.locked ? <span className="badge">{tModeration("locked")}</span> : null}
        </CommentMeta>
      )}
      <button
        type="button"
        className="thread-quote"
        lang={text.language}
        dir={text.direction}
        title={t("showPassage")}
        onClick={(event) => {
          event.stopPropagation();
          actions.showPassage(thread);
        }}
      >
        {thread.quote}
      </button>
      {thread.anchorState !== "anchored" ? (
        <p className="hint">{t(`anchor_${thread.anchorState}`)}</p>
      ) : null}
      {thread.moderation && (!withheld || thread.moderation.reason) ? (
        <ModerationMark mark={thread.moderation} />
      ) : null}

      {thread.deleted ? null : mode === "edit" ? (
        <CommentForm
          label={t("composerLabel")}
          submitLabel={t("save")}
          initialBody={thread.body as JSONContent | null}
          mentionThread={thread.id}
          threadOptions={{
            visibility: thread.visibility,
            isQuestion: thread.isQuestion,
            tags: thread.tags,
          }}
          onSubmit={async (body, options) => {
            if (options) await actions.editThread(thread.id, body, options);
            setMode("view");
          }}
          onCancel={() => setMode("view")}
        />
      ) : (
        <div
          className="comment-body"
          // Rendered and escaped by the server from the validated JSON (bodyToHtml), never
          // HTML from a client.
          dangerouslySetInnerHTML={{ __html: thread.bodyHtml ?? "" }}
        />
      )}

      {thread.tags.length > 0 ? (
        <ul className="tags" aria-label={t("tags")}>
          {thread.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag"
                dir="auto"
                title={t("filterByTag", { tag })}
                onClick={(event) => {
                  event.stopPropagation();
                  actions.filterByTag(tag);
                }}
              >
                #{tag}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {thread.deleted ? null : (
        <ReactionsBar
          reactions={thread.reactions}
          canReact={canWrite}
          onToggle={(kind, on) => actions.reactThread(thread.id, kind, on)}
        />
      )}

      {canWrite && mode === "view" ? (
        <div className="comment-actions">
          {thread.locked || thread.deleted ? null : (
            <button type="button" className="button-quiet" onClick={() => setMode("reply")}>
              {t("reply")}
            </button>
          )}
          {own ? (
            <>
              <button type="button" className="button-quiet" onClick={() => setMode("edit")}>
                {t("edit")}
              </button>
              <ConfirmDelete onConfirm={() => actions.removeThread(thread.id)} />
            </>
          ) : null}
        </div>
      ) : null}

      {mode === "view" ? (
        <ModerationControls
          target={{ type: "annotation", id: thread.id }}
          annotationId={thread.id}
          author={thread.author}
          mark={thread.moderation}
          deleted={thread.deleted}
          thread={{ locked: thread.locked === true }}
        />
      ) : null}

      {thread.replies.length > 0 ? (
        <ol className="replies" aria-label={t("replies", { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              reply={reply}
              viewerId={viewerId}
              canReact={canWrite}
              actions={actions}
            />
          ))}
        </ol>
      ) : null}

      {mode === "reply" ? (
        <CommentForm
          label={t("replyLabel")}
          submitLabel={t("sendReply")}
          testId="reply-composer"
          mentionThread={thread.id}
          onSubmit={async (body) => {
            await actions.reply(thread.id, body);
            setMode("view");
          }}
          onCancel={() => setMode("view")}
        />
      ) : null}
    </article>
  );
});
