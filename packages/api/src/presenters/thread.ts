import { bodyToHtml, type CommentBody, type ThreadView } from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import { personSelect, presentPerson } from "./person";
import { presentReactions, reactionSelect } from "./reactions";
import { presentReply, replySelect } from "./reply";

export const threadSelect = {
  id: true,
  textId: true,
  authorId: true,
  author: { select: personSelect },
  quote: true,
  start: true,
  end: true,
  anchorState: true,
  anchorScore: true,
  body: true,
  bodyText: true,
  isQuestion: true,
  visibility: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  tags: { select: { name: true }, orderBy: { name: "asc" } },
  reactions: { select: reactionSelect },
  // An author's deleted reply leaves nothing behind (nothing hangs on a reply).
  replies: {
    where: { deletedAt: null },
    select: replySelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.AnnotationSelect;

export type ThreadRow = Prisma.AnnotationGetPayload<{ select: typeof threadSelect }>;

/**
 * A thread as the viewer sees it, or null when it has left every view: an author's delete
 * keeps a tombstone (same shape, `deleted: true`, no body, tags or reactions) only while
 * replies hang on it (DESIGN "Deleting"). Visibility is the caller's check, not this one's.
 */
export function presentThread(row: ThreadRow, viewerId: string | null): ThreadView | null {
  const deleted = row.deletedAt !== null;
  if (deleted && row.replies.length === 0) return null;
  const body = deleted ? null : (row.body as CommentBody | null);
  return {
    id: row.id,
    textId: row.textId,
    author: presentPerson(row.author),
    quote: row.quote,
    start: row.start,
    end: row.end,
    anchorState: row.anchorState,
    anchorScore: row.anchorScore,
    bodyHtml: body ? bodyToHtml(body) : null,
    body,
    bodyText: deleted ? null : row.bodyText,
    isQuestion: row.isQuestion,
    visibility: row.visibility,
    tags: deleted ? [] : row.tags.map((tag) => tag.name),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted,
    reactions: deleted ? [] : presentReactions(row.reactions, viewerId),
    replies: row.replies.map((reply) => presentReply(reply, viewerId)),
  };
}
