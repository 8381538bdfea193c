import type { Tx } from "../commands/transaction";
import { appendEvents } from "../live/log";
import { eventAudience } from "../policies";
import { appError } from "../trpc";
import type { ModerationOutcome } from "./decide";
import { notifyDecision, recordAction } from "./effects";
import type { LockSnapshot } from "./snapshots";
import type { ItemScope } from "./scope";

/** Locks a thread (it takes no new replies) or unlocks it; its author is told. */
export async function setThreadLock(
  tx: Tx,
  scope: ItemScope,
  actorId: string,
  locked: boolean,
  reason: string,
  undoesId: string | null = null,
): Promise<ModerationOutcome> {
  const { thread, text } = scope;
  const wasLocked = thread.lockedAt !== null;
  if (wasLocked === locked) {
    throw appError("CONFLICT", locked ? "moderation.already_locked" : "moderation.not_locked");
  }
  await tx.annotation.update({
    where: { id: thread.id },
    data: { lockedAt: locked ? new Date() : null },
  });
  const before: LockSnapshot = { locked: wasLocked };
  const after: LockSnapshot = { locked };
  const kind = locked ? "lock" : "unlock";
  const actionId = await recordAction(tx, {
    courseId: text.courseId,
    textId: text.id,
    actorId,
    kind,
    annotationId: thread.id,
    targetUserId: thread.authorId,
    reason,
    before,
    after,
    undoesId,
  });
  const eventId = await appendEvents(tx, text.id, actorId, [
    { type: "moderation.changed", annotationId: thread.id, ...eventAudience(thread) },
  ]);
  await notifyDecision(tx, {
    userId: thread.authorId,
    actorId,
    courseId: text.courseId,
    textId: text.id,
    annotationId: thread.id,
    decision: undoesId ? "undo" : kind,
    reason,
    snippet: thread.bodyText,
  });
  return { annotationId: thread.id, eventId, actionId };
}
