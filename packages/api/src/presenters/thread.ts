import { bodyToHtml, type CommentBody, type ThreadView } from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import { canSeeThread, disclosureOf } from "../policies";
import { dueMarks } from "./due-date";
import { revealsAuthor, type ViewerLens } from "./lens";
import { isWithheld, moderationMark } from "./moderation-mark";
import { personSelect, presentPersonFor, withheldPerson } from "./person";
import { presentReactions, reactionSelect } from "./reactions";
import { presentReply, replySelect, showsReply } from "./reply";

/** A thread's own columns, without relations: what an insert can return with no extra query. */
export const threadColumns = {
  id: true,
  textId: true,
  authorId: true,
  quote: true,
  start: true,
  end: true,
  anchorState: true,
  anchorScore: true,
  body: true,
  bodyText: true,
  isQuestion: true,
  visibility: true,
  moderationState: true,
  moderationReason: true,
  lockedAt: true,
  importedAuthorName: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
} as const satisfies Prisma.AnnotationSelect;

export const threadSelect = {
  ...threadColumns,
  author: { select: personSelect },
  // For the "after the due date" marks of the thread and its replies.
  text: { select: { dueAt: true } },
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

/** Whether the viewer sees this thread at all: visibility, held states, "reveal after posting". */
export function showsThread(row: ThreadRow, lens: ViewerLens): boolean {
  return canSeeThread(lens.actor, lens.standing, row) && revealsAuthor(lens, row.authorId);
}

/**
 * A thread as the viewer sees it, or null when it is not theirs to see or has left every view.
 * An author's delete keeps a tombstone (same shape, `deleted: true`, no body, tags or reactions)
 * only while replies the viewer sees hang on it (DESIGN "Deleting"); so does a moderator's
 * delete for everyone but the staff (who keep the body, marked) and its author (who is told
 * why). A hidden thread is a placeholder — its place and passage, nothing of its author or
 * words — for everyone but its author and the staff, who see it marked with the reason.
 */
export function presentThread(
  row: ThreadRow,
  lens: ViewerLens,
  /** `html: false`: leave `bodyHtml` null (exports render the body in their own format). */
  options: { html?: boolean } = {},
): ThreadView | null {
  if (!showsThread(row, lens)) return null;
  const viewerId = lens.actor?.userId ?? null;
  const own = viewerId !== null && row.authorId === viewerId;
  const replies = row.replies
    .filter((reply) => showsReply(reply, lens))
    .map((reply) => presentReply(reply, lens, row.text.dueAt, options));
  const authorDeleted = row.deletedAt !== null;
  const disclosure = authorDeleted ? "full" : disclosureOf(lens.actor, lens.standing, row);
  const deleted = authorDeleted || disclosure === "tombstone";
  if (deleted && replies.length === 0 && !(disclosure === "tombstone" && own)) return null;
  const withheld = isWithheld(disclosure);
  const bare = deleted || withheld;
  const body = bare ? null : (row.body as CommentBody | null);
  const mark = authorDeleted ? undefined : moderationMark(row, disclosure, lens);
  return {
    id: row.id,
    textId: row.textId,
    author: withheld && !own ? withheldPerson : presentPersonFor(row.author, lens),
    quote: row.quote,
    start: row.start,
    end: row.end,
    anchorState: row.anchorState,
    anchorScore: row.anchorScore,
    bodyHtml: body && options.html !== false ? bodyToHtml(body) : null,
    body,
    bodyText: bare ? null : row.bodyText,
    isQuestion: withheld ? false : row.isQuestion,
    visibility: row.visibility,
    tags: bare ? [] : row.tags.map((tag) => tag.name),
    createdAt: row.createdAt,
    editedAt: withheld ? null : row.editedAt,
    ...dueMarks(
      { createdAt: row.createdAt, editedAt: withheld ? null : row.editedAt },
      row.text.dueAt,
    ),
    deleted,
    reactions: bare ? [] : presentReactions(row.reactions, viewerId),
    replies,
    ...(mark && { moderation: mark }),
    locked: row.lockedAt !== null,
    ...(row.importedAuthorName && !bare && { importedAuthorName: row.importedAuthorName }),
  };
}
