import {
  createReplyInputSchema,
  deleteReplyInputSchema,
  editReplyInputSchema,
} from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireAuthor, requireUnmuted, requireWriter } from "../authorise";
import { createReply, deleteReply, editReply } from "../commands/reply";
import { writeOnReply, writeOnThread } from "../commands/transaction";
import { initialModerationState } from "../policies";
import { threadOutcome } from "../queries/threads";
import { actorOf, protectedProcedure } from "../trpc";

// Every reply procedure answers with the whole thread as the caller now sees it.
export const replyRouter = {
  /** Replies in a thread the caller may see, as a member of its course. */
  create: protectedProcedure.input(createReplyInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeOnThread(ctx.db, actor, input.annotationId, async (tx, scope) => {
      requireWriter(actor, scope.standing, scope.text);
      requireUnmuted(scope.mute);
      const state = initialModerationState(scope.text, scope.standing, scope.thread.visibility);
      const outcome = await createReply(tx, scope, ctx.user.id, input.body, state);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),

  /** Replaces the body of one's own reply. */
  edit: protectedProcedure.input(editReplyInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeOnReply(ctx.db, actor, input.replyId, async (tx, scope) => {
      requireAuthor(actor, scope.standing, scope.reply);
      requireUnmuted(scope.mute);
      const outcome = await editReply(tx, scope, input.replyId, ctx.user.id, input.body);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),

  /** Deletes one's own reply (it leaves every view). */
  delete: protectedProcedure.input(deleteReplyInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeOnReply(ctx.db, actor, input.replyId, async (tx, scope) => {
      requireAuthor(actor, scope.standing, scope.reply);
      const outcome = await deleteReply(tx, scope, input.replyId, ctx.user.id);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),
} satisfies TRPCRouterRecord;
