import type { ModerationState, ReactionKind } from "@hashiya/db";
import { eventAudience } from "../policies";
import { appendEvents } from "../live/log";
import { appError } from "../trpc";
import type { WriteOutcome } from "./annotation";
import type { ThreadScope, Tx } from "./transaction";

/** What a reaction is on: the thread's first comment, or one of its replies. */
export type ReactionTarget =
  | { type: "annotation" }
  | { type: "reply"; replyId: string; authorId: string; moderationState: ModerationState };

/**
 * Turns one reaction of the user on or off. It is a set per (user, target, kind): repeating
 * a call changes nothing, and appends no event.
 */
export async function setReaction(
  tx: Tx,
  scope: ThreadScope,
  userId: string,
  target: ReactionTarget,
  kind: ReactionKind,
  on: boolean,
): Promise<WriteOutcome> {
  if (scope.thread.deletedAt && target.type === "annotation") {
    throw appError("CONFLICT", "thread.deleted");
  }
  const changed =
    target.type === "annotation"
      ? await toggle(on, {
          add: () =>
            tx.annotationReaction.createMany({
              data: [{ annotationId: scope.thread.id, userId, kind }],
              skipDuplicates: true,
            }),
          remove: () =>
            tx.annotationReaction.deleteMany({
              where: { annotationId: scope.thread.id, userId, kind },
            }),
        })
      : await toggle(on, {
          add: () =>
            tx.replyReaction.createMany({
              data: [{ replyId: target.replyId, userId, kind }],
              skipDuplicates: true,
            }),
          remove: () =>
            tx.replyReaction.deleteMany({ where: { replyId: target.replyId, userId, kind } }),
        });
  const eventId = changed
    ? await appendEvents(tx, scope.text.id, userId, [
        {
          type: "reactions.changed",
          annotationId: scope.thread.id,
          replyId: target.type === "reply" ? target.replyId : null,
          ...eventAudience(scope.thread, target.type === "reply" ? target : undefined),
        },
      ])
    : "";
  return { annotationId: scope.thread.id, eventId };
}

async function toggle(
  on: boolean,
  ops: { add: () => Promise<{ count: number }>; remove: () => Promise<{ count: number }> },
): Promise<boolean> {
  const { count } = on ? await ops.add() : await ops.remove();
  return count > 0;
}
