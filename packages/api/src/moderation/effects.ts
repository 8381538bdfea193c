import type { ModerationActionKind, ModerationState, Prisma } from "@hashiya/db";
import type { Tx } from "../commands/transaction";
import { appendEvents, type EventDraft } from "../live/log";
import { createNotifications } from "../notifications/create";
import { snippetOf } from "../notifications/payload";
import { eventAudience, sameAudience } from "../policies";
import type { ItemScope } from "./scope";

// What every moderation action does besides changing its item: the audit log row, the live
// events that update every viewer's page, and the notification of the person concerned — all
// in the action's transaction.

export interface ActionRecord {
  courseId: string;
  textId: string | null;
  actorId: string;
  kind: ModerationActionKind;
  annotationId?: string | null;
  replyId?: string | null;
  /** The member the action is about: the item's author, or the muted member. */
  targetUserId?: string | null;
  reason: string;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
  /** The action an undo undoes. */
  undoesId?: string | null;
}

/** Writes one audit log row; answers its id. */
export async function recordAction(tx: Tx, record: ActionRecord): Promise<string> {
  const row = await tx.moderationAction.create({
    data: {
      courseId: record.courseId,
      textId: record.textId,
      actorId: record.actorId,
      kind: record.kind,
      annotationId: record.annotationId ?? null,
      replyId: record.replyId ?? null,
      targetUserId: record.targetUserId ?? null,
      reason: record.reason,
      before: record.before,
      after: record.after,
      undoesId: record.undoesId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * Logs what a change of an item's state (or of its thread's lock) means for viewers. For a
 * thread whose audience changes (a post approved, or an approval undone), "thread.unshared"
 * with the old audience first, so those who lose it drop it; then "moderation.changed" with
 * the new one. For a reply, one event to the wider of its audiences before and after.
 */
export async function logItemChange(
  tx: Tx,
  scope: ItemScope,
  actorId: string,
  before: ModerationState,
  after: ModerationState,
): Promise<string> {
  const { thread, item, text } = scope;
  const drafts: EventDraft[] = [];
  if (item.type === "annotation") {
    const was = eventAudience({ ...thread, moderationState: before });
    const now = eventAudience({ ...thread, moderationState: after });
    if (!sameAudience(was, now)) {
      drafts.push({ type: "thread.unshared", annotationId: thread.id, ...was });
    }
    drafts.push({ type: "moderation.changed", annotationId: thread.id, ...now });
  } else {
    const reply = { authorId: item.authorId, moderationState: after };
    drafts.push({
      type: "moderation.changed",
      annotationId: thread.id,
      replyId: item.id,
      ...eventAudience(thread, reply, before),
    });
  }
  return appendEvents(tx, text.id, actorId, drafts);
}

/** Tells the author of an item (or a muted member) what a moderator decided, and why. */
export async function notifyDecision(
  tx: Tx,
  notice: {
    userId: string;
    actorId: string;
    courseId: string;
    textId?: string | null;
    annotationId?: string | null;
    replyId?: string | null;
    decision: ModerationActionKind | "undo";
    reason: string;
    snippet?: string;
  },
): Promise<void> {
  const title = notice.textId
    ? (await tx.text.findUnique({ where: { id: notice.textId }, select: { title: true } }))?.title
    : undefined;
  await createNotifications(tx, [
    {
      userId: notice.userId,
      kind: "moderation",
      courseId: notice.courseId,
      textId: notice.textId ?? null,
      annotationId: notice.annotationId ?? null,
      replyId: notice.replyId ?? null,
      actorId: notice.actorId,
      payload: {
        ...(title && { textTitle: snippetOf(title, 300) }),
        ...(notice.snippet && { snippet: snippetOf(notice.snippet) }),
        decision: notice.decision,
        ...(notice.reason && { reason: notice.reason }),
      },
    },
  ]);
}
