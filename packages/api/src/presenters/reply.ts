import { bodyToHtml, type CommentBody, type ReplyView } from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import { canSeeReply, disclosureOf } from "../policies";
import { dueMarks } from "./due-date";
import { revealsAuthor, type ViewerLens } from "./lens";
import { isWithheld, moderationMark } from "./moderation-mark";
import { personSelect, presentPersonFor, withheldPerson } from "./person";
import { presentReactions, reactionSelect } from "./reactions";

export const replySelect = {
  id: true,
  annotationId: true,
  author: { select: personSelect },
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  moderationState: true,
  moderationReason: true,
  importedAuthorName: true,
  reactions: { select: reactionSelect },
} as const satisfies Prisma.ReplySelect;

export type ReplyRow = Prisma.ReplyGetPayload<{ select: typeof replySelect }>;

/** Whether the viewer sees this reply at all (held replies, "reveal after posting"). */
export function showsReply(row: ReplyRow, lens: ViewerLens): boolean {
  const item = { authorId: row.author.id, moderationState: row.moderationState };
  return canSeeReply(lens.actor, lens.standing, item) && revealsAuthor(lens, row.author.id);
}

/**
 * A reply as the viewer sees it (call {@link showsReply} first). The HTML is rendered here from
 * the stored JSON (which the server validated on the way in), never taken from a client. A
 * deleted reply has no body; a hidden one is a placeholder and a removed one a tombstone for
 * everyone but its author (hidden) and the staff, marked for those who see it.
 */
export function presentReply(
  row: ReplyRow,
  lens: ViewerLens,
  /** The text's due date, for the "after the due date" marks. */
  dueAt: Date | null = null,
  /** `html: false`: leave `bodyHtml` null (exports render the body in their own format). */
  options: { html?: boolean } = {},
): ReplyView {
  const viewerId = lens.actor?.userId ?? null;
  const item = {
    authorId: row.author.id,
    moderationState: row.moderationState,
    moderationReason: row.moderationReason,
  };
  const disclosure = disclosureOf(lens.actor, lens.standing, item);
  const withheld = isWithheld(disclosure);
  const deleted = row.deletedAt !== null || disclosure === "tombstone";
  const body = deleted || withheld ? null : (row.body as CommentBody | null);
  const own = viewerId !== null && row.author.id === viewerId;
  const mark = row.deletedAt === null ? moderationMark(item, disclosure, lens) : undefined;
  return {
    id: row.id,
    annotationId: row.annotationId,
    author: withheld && !own ? withheldPerson : presentPersonFor(row.author, lens),
    bodyHtml: body && options.html !== false ? bodyToHtml(body) : null,
    body,
    createdAt: row.createdAt,
    editedAt: withheld ? null : row.editedAt,
    ...dueMarks({ createdAt: row.createdAt, editedAt: withheld ? null : row.editedAt }, dueAt),
    deleted,
    reactions: deleted || withheld ? [] : presentReactions(row.reactions, viewerId),
    ...(mark && { moderation: mark }),
    ...(row.importedAuthorName && body && { importedAuthorName: row.importedAuthorName }),
  };
}
