import type { ModerationTarget } from "@hashiya/annotation-schema";
import type { Db, ModerationAction } from "@hashiya/db";
import { requireModerator } from "../authorise";
import type { Tx } from "../commands/transaction";
import { type Actor, type CourseStanding, courseStanding } from "../policies";
import { appError } from "../trpc";
import { type ModerationOutcome, notifyItemAuthor } from "./decide";
import { logItemChange, recordAction } from "./effects";
import { setThreadLock } from "./lock";
import { onMember, setMute } from "./mute";
import {
  type FlagsSnapshot,
  flagsSnapshotSchema,
  type ItemSnapshot,
  itemSnapshotSchema,
  lockSnapshotSchema,
  muteSnapshotSchema,
  sameIds,
} from "./snapshots";
import { type ItemScope, onItem } from "./scope";
import { inverseKind } from "./transitions";

/** What an undo answers: the new log row, and the thread it touched (for mutes: none). */
export interface UndoOutcome {
  actionId: string;
  annotationId: string | null;
  eventId: string;
  /** The actor's role in the course, for presenting the thread. */
  standing: CourseStanding;
}

const ITEM_KINDS = new Set(["hide", "unhide", "approve", "deny", "remove", "restore"]);
const LOCK_KINDS = new Set(["lock", "unlock"]);
const FLAG_KINDS = new Set(["keep_flagged", "reopen_flag"]);

/**
 * Undoes one action of the audit log: puts back its `before`, records the inverse (pointing
 * back with `undoesId`) and marks it undone — all in one transaction. Refused, with a
 * sentence, when it was undone already or when what it changed has changed again since (its
 * `after` is no longer the present: undo the later action first). An undo is an action too,
 * and can itself be undone (a redo).
 */
export async function undoAction(
  db: Db,
  actor: Actor,
  actionId: string,
  reason: string,
): Promise<UndoOutcome> {
  const action = await db.moderationAction.findUnique({ where: { id: actionId } });
  if (!action) throw appError("NOT_FOUND", "not_found");
  if (!actor) throw appError("UNAUTHORIZED", "auth.sign_in_required");
  // Asked before anything else, so that no one outside the staff learns an action's state.
  const standing = await courseStanding(db, actor, action.courseId);
  // Outsiders cannot tell an action of a course they are not in from one that does not exist.
  if (standing === "none" && !actor.isAdmin) throw appError("NOT_FOUND", "not_found");
  requireModerator(actor, standing);
  const actorId = actor.userId;

  if (action.kind === "mute" || action.kind === "unmute") {
    const member = { courseId: action.courseId, userId: action.targetUserId ?? "" };
    return onMember(db, actor, member, async (tx, scope) => {
      await claim(tx, action);
      const before = muteSnapshotSchema.parse(action.before);
      const after = muteSnapshotSchema.parse(action.after);
      const now = scope.mutedUntil ? scope.mutedUntil.toISOString() : null;
      if (now !== after.mutedUntil) throw appError("CONFLICT", "moderation.state_moved_on");
      const until = before.mutedUntil ? new Date(before.mutedUntil) : null;
      const change = { until, reason: before.mutedReason };
      const outcome = await setMute(tx, scope, actorId, change, reason, action.id);
      return { actionId: outcome.actionId, annotationId: null, eventId: "", standing };
    });
  }

  const target: ModerationTarget | null = action.replyId
    ? { type: "reply", id: action.replyId }
    : action.annotationId
      ? { type: "annotation", id: action.annotationId }
      : null;
  if (!target) throw appError("CONFLICT", "moderation.state_moved_on");
  const outcome = await onItem(db, actor, target, async (tx, scope): Promise<ModerationOutcome> => {
    requireModerator(actor, scope.standing);
    await claim(tx, action);
    if (LOCK_KINDS.has(action.kind)) {
      const before = lockSnapshotSchema.parse(action.before);
      const after = lockSnapshotSchema.parse(action.after);
      if ((scope.thread.lockedAt !== null) !== after.locked) {
        throw appError("CONFLICT", "moderation.state_moved_on");
      }
      return setThreadLock(tx, scope, actorId, before.locked, reason, action.id);
    }
    if (FLAG_KINDS.has(action.kind)) return undoFlags(tx, scope, action, actorId, reason);
    if (ITEM_KINDS.has(action.kind)) return undoItemState(tx, scope, action, actorId, reason);
    throw appError("CONFLICT", "moderation.state_moved_on");
  });
  return { ...outcome, standing };
}

/** Marks the action undone, once: a second undo (even a concurrent one) finds it taken. */
async function claim(tx: Tx, action: ModerationAction): Promise<void> {
  const { count } = await tx.moderationAction.updateMany({
    where: { id: action.id, undoneAt: null },
    data: { undoneAt: new Date() },
  });
  if (count === 0) throw appError("CONFLICT", "moderation.already_undone");
}

async function undoItemState(
  tx: Tx,
  scope: ItemScope,
  action: ModerationAction,
  actorId: string,
  reason: string,
): Promise<ModerationOutcome> {
  const { item, text, thread } = scope;
  const before = itemSnapshotSchema.parse(action.before);
  const after = itemSnapshotSchema.parse(action.after);
  const moved =
    item.deletedAt !== null ||
    item.moderationState !== after.state ||
    item.moderationReason !== after.reason;
  if (moved) throw appError("CONFLICT", "moderation.state_moved_on");
  const restored = { moderationState: before.state, moderationReason: before.reason };
  if (item.type === "annotation") {
    await tx.annotation.update({ where: { id: item.id }, data: restored });
  } else {
    await tx.reply.update({ where: { id: item.id }, data: restored });
  }
  // The flags the action resolved are open again, as they were.
  if (before.openFlagIds.length > 0) {
    await tx.flag.updateMany({
      where: { id: { in: before.openFlagIds }, resolvedAt: { not: null } },
      data: { resolvedAt: null, resolvedById: null, resolution: null },
    });
  }
  const now: ItemSnapshot = { state: after.state, reason: after.reason, openFlagIds: [] };
  const actionId = await recordAction(tx, {
    courseId: text.courseId,
    textId: text.id,
    actorId,
    kind: inverseKind(action.kind),
    annotationId: thread.id,
    replyId: item.replyId,
    targetUserId: item.authorId,
    reason,
    before: now,
    after: before,
    undoesId: action.id,
  });
  const eventId = await logItemChange(tx, scope, actorId, after.state, before.state);
  await notifyItemAuthor(tx, scope, actorId, "undo", reason);
  return { annotationId: thread.id, eventId, actionId };
}

async function undoFlags(
  tx: Tx,
  scope: ItemScope,
  action: ModerationAction,
  actorId: string,
  reason: string,
): Promise<ModerationOutcome> {
  const { item, text, thread } = scope;
  const before = flagsSnapshotSchema.parse(action.before);
  const after = flagsSnapshotSchema.parse(action.after);
  const ids = [...new Set([...before.openFlagIds, ...after.openFlagIds])];
  const open = await tx.flag.findMany({
    where: { id: { in: ids }, resolvedAt: null },
    select: { id: true },
  });
  const openNow = open.map((flag) => flag.id);
  if (!sameIds(openNow, after.openFlagIds)) throw appError("CONFLICT", "moderation.state_moved_on");
  const reopen = before.openFlagIds.filter((id) => !after.openFlagIds.includes(id));
  const close = after.openFlagIds.filter((id) => !before.openFlagIds.includes(id));
  if (reopen.length > 0) {
    await tx.flag.updateMany({
      where: { id: { in: reopen } },
      data: { resolvedAt: null, resolvedById: null, resolution: null },
    });
  }
  if (close.length > 0) {
    await tx.flag.updateMany({
      where: { id: { in: close } },
      data: { resolvedAt: new Date(), resolvedById: actorId, resolution: "kept" },
    });
  }
  const actionId = await recordAction(tx, {
    courseId: text.courseId,
    textId: text.id,
    actorId,
    kind: inverseKind(action.kind),
    annotationId: thread.id,
    replyId: item.replyId,
    targetUserId: item.authorId,
    reason,
    before: after satisfies FlagsSnapshot,
    after: before satisfies FlagsSnapshot,
    undoesId: action.id,
  });
  return { actionId, annotationId: thread.id, eventId: "" };
}
