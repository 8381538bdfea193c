import { setReactionInputSchema } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireUnmuted, requireWriter } from "../authorise";
import { setReaction } from "../commands/reaction";
import { writeOnReply, writeOnThread } from "../commands/transaction";
import { threadOutcome } from "../queries/threads";
import { actorOf, protectedProcedure } from "../trpc";

export const reactionRouter = {
  /**
   * Turns one of the caller's reactions on a thread or a reply on or off (idempotent; a call
   * that changes nothing appends no event and answers `eventId: ""`).
   */
  set: protectedProcedure.input(setReactionInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const { target, kind, on } = input;
    if (target.type === "annotation") {
      return writeOnThread(ctx.db, actor, target.id, async (tx, scope) => {
        requireWriter(actor, scope.standing, scope.text);
        requireUnmuted(scope.mute);
        const outcome = await setReaction(tx, scope, ctx.user.id, { type: "annotation" }, kind, on);
        return threadOutcome(tx, actor, scope.standing, outcome);
      });
    }
    return writeOnReply(ctx.db, actor, target.id, async (tx, scope) => {
      requireWriter(actor, scope.standing, scope.text);
      requireUnmuted(scope.mute);
      const { authorId, moderationState } = scope.reply;
      const replyTarget = { type: "reply", replyId: target.id, authorId, moderationState } as const;
      const outcome = await setReaction(tx, scope, ctx.user.id, replyTarget, kind, on);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),
} satisfies TRPCRouterRecord;
