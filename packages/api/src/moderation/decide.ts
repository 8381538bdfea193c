import type { CommentBody } from "@hashiya/annotation-schema";
import type { Tx } from "../commands/transaction";
import { mentionedIn, notifyForComment } from "../notifications/mentions";
import { appError } from "../trpc";
import { logItemChange, notifyDecision, recordAction } from "./effects";
import type { ItemSnapshot } from "./snapshots";
import { type ItemScope, openFlagsOf } from "./scope";
import { type ItemDecision, transition } from "./transitions";

/** What a moderation command answers: the thread it touched, its last event and its log row. */
export interface ModerationOutcome {
  annotationId: string;
  eventId: string;
  actionId: string;
}

/**
 * Hides, unhides, approves, denies or removes (moderator's delete) an annotation or reply.
 * The body is never touched: a hidden or removed item keeps it for the staff and the audit
 * log (DESIGN "Deleting"). A hide or a delete resolves the item's open flags. The author is
 * told, with the reason; an approved post also sends the mention and reply notifications its
 * pending state held back.
 */
export async function decideOnItem(
  tx: Tx,
  scope: ItemScope,
  actorId: string,
  decision: ItemDecision,
  reason: string,
): Promise<ModerationOutcome> {
  const { item, text, thread } = scope;
  if (item.deletedAt) throw appError("CONFLICT", "moderation.deleted_by_author");
  const step = transition(decision, item.moderationState);
  if ("refusal" in step) throw appError("CONFLICT", step.refusal);

  const openFlagIds = step.resolves ? (await openFlagsOf(tx, item)).map((flag) => flag.id) : [];
  if (openFlagIds.length > 0) {
    await tx.flag.updateMany({
      where: { id: { in: openFlagIds } },
      data: { resolvedAt: new Date(), resolvedById: actorId, resolution: step.resolves },
    });
  }
  // The reason stays on the item while it is held back (the author is shown it).
  const storedReason = step.to === "visible" ? null : reason || null;
  const changed = { moderationState: step.to, moderationReason: storedReason };
  if (item.type === "annotation") {
    await tx.annotation.update({ where: { id: item.id }, data: changed });
  } else {
    await tx.reply.update({ where: { id: item.id }, data: changed });
  }
  const before: ItemSnapshot = {
    state: item.moderationState,
    reason: item.moderationReason,
    openFlagIds,
  };
  const after: ItemSnapshot = { state: step.to, reason: storedReason, openFlagIds: [] };
  const actionId = await recordAction(tx, {
    courseId: text.courseId,
    textId: text.id,
    actorId,
    kind: decision,
    annotationId: thread.id,
    replyId: item.replyId,
    targetUserId: item.authorId,
    reason,
    before,
    after,
  });
  const eventId = await logItemChange(tx, scope, actorId, item.moderationState, step.to);
  await notifyItemAuthor(tx, scope, actorId, decision, reason);
  if (decision === "approve" && item.moderationState === "pending") {
    await notifyHeldBack(tx, scope);
  }
  return { annotationId: thread.id, eventId, actionId };
}

/** The item's author hears of a decision on their post (never of their own act). */
export function notifyItemAuthor(
  tx: Tx,
  scope: ItemScope,
  actorId: string,
  decision: Parameters<typeof notifyDecision>[1]["decision"],
  reason: string,
) {
  const { item, text } = scope;
  return notifyDecision(tx, {
    userId: item.authorId,
    actorId,
    courseId: text.courseId,
    textId: text.id,
    annotationId: item.annotationId,
    replyId: item.replyId,
    decision,
    reason,
    snippet: item.bodyText,
  });
}

/** Once approved, a post notifies those it mentions (and, a reply, the thread's author). */
async function notifyHeldBack(tx: Tx, scope: ItemScope): Promise<void> {
  const { item, text, thread } = scope;
  if (!item.body) return;
  const body = item.body as unknown as CommentBody;
  await notifyForComment(
    tx,
    { body, mentioned: mentionedIn(item.body) },
    {
      courseId: text.courseId,
      textId: text.id,
      annotationId: thread.id,
      ...(item.replyId && { replyId: item.replyId }),
      actorId: item.authorId,
      body,
    },
    item.type === "reply" ? { threadAuthorId: thread.authorId } : {},
  );
}
