import { bodyToHtml, type CommentBody, type ReplyView } from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import { personSelect, presentPerson } from "./person";
import { presentReactions, reactionSelect } from "./reactions";

export const replySelect = {
  id: true,
  annotationId: true,
  author: { select: personSelect },
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  reactions: { select: reactionSelect },
} as const satisfies Prisma.ReplySelect;

type ReplyRow = Prisma.ReplyGetPayload<{ select: typeof replySelect }>;

/**
 * A reply as the viewer sees it. The HTML is rendered here from the stored JSON (which the
 * server validated on the way in), never taken from a client. A deleted reply has no body.
 */
export function presentReply(row: ReplyRow, viewerId: string | null): ReplyView {
  const deleted = row.deletedAt !== null;
  const body = deleted ? null : (row.body as CommentBody | null);
  return {
    id: row.id,
    annotationId: row.annotationId,
    author: presentPerson(row.author),
    bodyHtml: body ? bodyToHtml(body) : null,
    body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted,
    reactions: deleted ? [] : presentReactions(row.reactions, viewerId),
  };
}
