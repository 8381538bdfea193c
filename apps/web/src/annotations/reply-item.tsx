"use client";

import type { JSONContent } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ModerationControls } from "~/moderation/moderation-controls";
import { ModerationMark } from "~/moderation/moderation-mark";
import { CommentMeta } from "./comment-meta";
import { CommentForm } from "./composer/lazy-comment-form";
import { ConfirmDelete } from "./confirm-delete";
import { ReactionsBar } from "./reactions-bar";
import type { ReactionKind, ReplyView } from "./types";

export interface ReplyActions {
  edit: (replyId: string, body: JSONContent) => Promise<void>;
  remove: (replyId: string) => Promise<void>;
  react: (replyId: string, kind: ReactionKind, on: boolean) => void;
}

/** One reply: its body as the server rendered it, or a tombstone; edit and delete its own. */
export function ReplyItem({
  reply,
  viewerId,
  canReact,
  actions,
}: {
  reply: ReplyView;
  viewerId: string | null;
  canReact: boolean;
  actions: ReplyActions;
}) {
  const t = useTranslations("annotations");
  const [editing, setEditing] = useState(false);
  const own = viewerId !== null && reply.author.id === viewerId && !reply.deleted;
  const tModeration = useTranslations("moderation");

  const mark = reply.moderation;
  if (reply.deleted || mark?.withheld) {
    return (
      <li className="reply tombstone" data-reply-id={reply.id}>
        {mark?.withheld ? tModeration(`withheld_${mark.state}`) : t("deletedReply")}
        {mark?.reason ? <ModerationMark mark={mark} /> : null}
      </li>
    );
  }
  return (
    <li className="reply" data-reply-id={reply.id}>
      <CommentMeta
        author={reply.author}
        createdAt={reply.createdAt}
        editedAt={reply.editedAt}
        due={reply}
        importedAuthorName={reply.importedAuthorName}
      />
      <ModerationMark mark={mark} />
      {editing ? (
        <CommentForm
          label={t("replyLabel")}
          submitLabel={t("save")}
          initialBody={reply.body as JSONContent | null}
          mentionThread={reply.annotationId}
          onSubmit={async (body) => {
            await actions.edit(reply.id, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div
          className="comment-body"
          // Rendered and escaped by the server from the validated JSON (bodyToHtml), never
          // HTML from a client.
          dangerouslySetInnerHTML={{ __html: reply.bodyHtml ?? "" }}
        />
      )}
      <ReactionsBar
        reactions={reply.reactions}
        canReact={canReact}
        onToggle={(kind, on) => actions.react(reply.id, kind, on)}
      />
      {own && !editing ? (
        <div className="comment-actions">
          <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
          <ConfirmDelete onConfirm={() => actions.remove(reply.id)} />
        </div>
      ) : null}
      {editing ? null : (
        <ModerationControls
          target={{ type: "reply", id: reply.id }}
          annotationId={reply.annotationId}
          author={reply.author}
          mark={mark}
          deleted={reply.deleted}
          thread={null}
        />
      )}
    </li>
  );
}
