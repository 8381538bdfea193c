import { entityIdSchema } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { confusionReport } from "../dashboard/confusion";
import { heatmap } from "../dashboard/heatmap";
import { participation } from "../dashboard/participation";
import { type Actor, can, findReadableText } from "../policies";
import { actorOf, appError, protectedProcedure } from "../trpc";

const blocksSchema = z.array(z.object({ text: z.string() }));

/**
 * The text, when the actor may see its dashboard (the course's staff and admins). Who cannot
 * read the text learns nothing of it (`not_found`); a reader who is not staff is told why.
 */
async function dashboardText(db: Db, actor: Actor, textId: string) {
  const found = await findReadableText(db, actor, textId);
  if (!found) throw appError("NOT_FOUND", "not_found");
  if (!can(actor, found.standing, "view_dashboard")) {
    throw appError("FORBIDDEN", "dashboard.staff_only");
  }
  return found.text;
}

const textInput = z.object({ textId: entityIdSchema });

export const dashboardRouter = {
  /** Every current student of the course with what they did on this text. */
  participation: protectedProcedure.input(textInput).query(async ({ ctx, input }) => {
    const text = await dashboardText(ctx.db, actorOf(ctx.user), input.textId);
    const students = await participation(ctx.db, text);
    return { dueAt: text.dueAt, students };
  }),

  /** How densely students annotated each paragraph and each finer stretch of the text. */
  heatmap: protectedProcedure
    .input(textInput.extend({ buckets: z.number().int().min(10).max(400).default(120) }))
    .query(async ({ ctx, input }) => {
      const text = await dashboardText(ctx.db, actorOf(ctx.user), input.textId);
      const blocks = blocksSchema.parse(text.blocks);
      return heatmap(ctx.db, { ...text, blocks }, input.buckets);
    }),

  /** The passages with the most student questions and "confused" reactions. */
  confusion: protectedProcedure
    .input(textInput.extend({ limit: z.number().int().min(1).max(50).default(20) }))
    .query(async ({ ctx, input }) => {
      const text = await dashboardText(ctx.db, actorOf(ctx.user), input.textId);
      return confusionReport(ctx.db, text, input.limit);
    }),
} satisfies TRPCRouterRecord;
