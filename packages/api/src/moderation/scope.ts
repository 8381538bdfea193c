import type { ModerationTarget } from "@hashiya/annotation-schema";
import type { Db, ModerationState, Prisma, Visibility } from "@hashiya/db";
import { type LockedText, type Tx, writeInText } from "../commands/transaction";
import {
  type Actor,
  type CourseStanding,
  canReadText,
  canSeeReply,
  canSeeThread,
  courseStanding,
} from "../policies";
import { appError } from "../trpc";

const itemColumns = {
  id: true,
  authorId: true,
  moderationState: true,
  moderationReason: true,
  deletedAt: true,
  bodyText: true,
  body: true,
} as const;

const threadColumns = {
  ...itemColumns,
  textId: true,
  visibility: true,
  lockedAt: true,
  quote: true,
} as const satisfies Prisma.AnnotationSelect;

/** The thread an item belongs to, as moderation reads it. */
export type ScopedThread = Prisma.AnnotationGetPayload<{ select: typeof threadColumns }>;

/** The annotation or reply acted on. */
export interface ScopedItem {
  type: "annotation" | "reply";
  id: string;
  annotationId: string;
  replyId: string | null;
  authorId: string;
  moderationState: ModerationState;
  moderationReason: string | null;
  deletedAt: Date | null;
  bodyText: string;
  body: Prisma.JsonValue | null;
}

/** What a moderation command on an item knows before it acts. */
export interface ItemScope {
  text: LockedText;
  /** The actor's role in the text's course. */
  standing: CourseStanding;
  thread: ScopedThread & { visibility: Visibility };
  item: ScopedItem;
}

/**
 * Runs a moderation command on an annotation or reply, under its text's lock (so its events
 * keep the log's order, and two moderators' decisions on one item are taken one after the
 * other, each seeing the other's outcome). An item that does not exist and one the actor may
 * not see are the same `not_found`; whether the actor may moderate is the command's to ask.
 */
export async function onItem<T>(
  db: Db,
  actor: Actor,
  target: ModerationTarget,
  command: (tx: Tx, scope: ItemScope) => Promise<T>,
): Promise<T> {
  const annotationId =
    target.type === "annotation"
      ? target.id
      : (
          await db.reply.findUnique({ where: { id: target.id }, select: { annotationId: true } })
        )?.annotationId;
  const located = annotationId
    ? await db.annotation.findUnique({ where: { id: annotationId }, select: { textId: true } })
    : null;
  if (!annotationId || !located) throw appError("NOT_FOUND", "not_found");
  return writeInText(db, located.textId, async (tx, text) => {
    const thread = await tx.annotation.findUnique({
      where: { id: annotationId },
      select: threadColumns,
    });
    const reply =
      target.type === "reply"
        ? await tx.reply.findUnique({
            where: { id: target.id },
            select: { ...itemColumns, annotationId: true },
          })
        : null;
    const standing = await courseStanding(tx, actor, text.courseId);
    const sees =
      thread !== null &&
      canReadText(actor, standing, text) &&
      canSeeThread(actor, standing, thread) &&
      (target.type === "annotation" ||
        (reply !== null && reply.annotationId === thread.id && canSeeReply(actor, standing, reply)));
    if (!sees || !thread) throw appError("NOT_FOUND", "not_found");
    const item: ScopedItem = reply
      ? { ...reply, type: "reply", replyId: reply.id }
      : { ...thread, type: "annotation", annotationId: thread.id, replyId: null };
    return command(tx, { text, standing, thread, item });
  });
}

/** The open flags on exactly this item (a thread's flags are not its replies'). */
export function openFlagsOf(tx: Tx, item: ScopedItem) {
  return tx.flag.findMany({
    where: { annotationId: item.annotationId, replyId: item.replyId, resolvedAt: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
}
