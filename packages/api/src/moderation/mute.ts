import type { Db, Role } from "@hashiya/db";
import type { Tx } from "../commands/transaction";
import { runTransaction } from "../notifications/after-commit";
import { type Actor, canBeMuted, courseStanding, isMuted } from "../policies";
import { requireModerator } from "../authorise";
import { appError } from "../trpc";
import { notifyDecision, recordAction } from "./effects";
import type { MuteSnapshot } from "./snapshots";

/** The member a mute is about, read under a row lock (two moderators act one after the other). */
export interface MuteScope {
  courseId: string;
  userId: string;
  role: Role;
  mutedUntil: Date | null;
  mutedReason: string | null;
}

/**
 * Runs a mute command on a course member: the actor must moderate the course, the member must
 * belong to it. The membership row is locked for the transaction.
 */
export function onMember<T>(
  db: Db,
  actor: Actor,
  member: { courseId: string; userId: string },
  command: (tx: Tx, scope: MuteScope) => Promise<T>,
): Promise<T> {
  return runTransaction(db, async (tx) => {
    const standing = await courseStanding(tx, actor, member.courseId);
    const course = await tx.course.findUnique({
      where: { id: member.courseId },
      select: { id: true },
    });
    if (!course || (standing === "none" && !actor?.isAdmin)) {
      throw appError("NOT_FOUND", "not_found");
    }
    requireModerator(actor, standing);
    const [row] = await tx.$queryRaw<MuteScope[]>`
      SELECT course_id AS "courseId", user_id AS "userId", role::text AS role,
        muted_until AS "mutedUntil", muted_reason AS "mutedReason"
      FROM memberships WHERE course_id = ${member.courseId} AND user_id = ${member.userId}
      FOR UPDATE`;
    if (!row) throw appError("NOT_FOUND", "member.not_found");
    return command(tx, row);
  });
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Sets a member's mute: `until` in the future mutes them (they read but may not write) until
 * then; null lifts it. Only students are muted. The member is told, with the reason.
 */
export async function setMute(
  tx: Tx,
  scope: MuteScope,
  actorId: string,
  change: { until: Date | null; reason: string | null },
  logReason: string,
  undoesId: string | null = null,
): Promise<{ actionId: string; mutedUntil: Date | null }> {
  const now = new Date();
  const muting = change.until !== null && change.until > now;
  if (muting && !canBeMuted(scope.role)) throw appError("FORBIDDEN", "moderation.cannot_mute_staff");
  if (!muting && !isMuted(scope, now) && !undoesId) {
    throw appError("CONFLICT", "moderation.not_muted");
  }
  await tx.membership.update({
    where: { courseId_userId: { courseId: scope.courseId, userId: scope.userId } },
    data: { mutedUntil: change.until, mutedReason: change.reason },
  });
  const before: MuteSnapshot = { mutedUntil: iso(scope.mutedUntil), mutedReason: scope.mutedReason };
  const after: MuteSnapshot = { mutedUntil: iso(change.until), mutedReason: change.reason };
  const kind = muting ? "mute" : "unmute";
  const actionId = await recordAction(tx, {
    courseId: scope.courseId,
    textId: null,
    actorId,
    kind,
    targetUserId: scope.userId,
    reason: logReason,
    before,
    after,
    undoesId,
  });
  await notifyDecision(tx, {
    userId: scope.userId,
    actorId,
    courseId: scope.courseId,
    decision: undoesId ? "undo" : kind,
    reason: logReason,
  });
  return { actionId, mutedUntil: change.until };
}
