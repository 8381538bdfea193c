import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { findReadableText } from "../policies";
import { textSummarySelect } from "../presenters";
import { actorOf, appError, publicProcedure } from "../trpc";

const blocksSchema = z.array(z.object({ type: z.string(), text: z.string() }));

export const textRouter = {
  /** Texts anyone may read, for the home page. */
  publicList: publicProcedure.query(({ ctx }) =>
    ctx.db.text.findMany({
      where: { isPublic: true, course: { archivedAt: null } },
      select: { ...textSummarySelect, course: { select: { id: true, title: true } } },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
  ),

  byId: publicProcedure
    .input(z.object({ textId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const found = await findReadableText(ctx.db, actorOf(ctx.user), input.textId);
      if (!found) throw appError("NOT_FOUND", "not_found");
      const { text, standing } = found;
      const course = await ctx.db.course.findUniqueOrThrow({
        where: { id: text.courseId },
        select: { id: true, title: true },
      });
      return {
        id: text.id,
        title: text.title,
        language: text.language,
        direction: text.direction,
        isPublic: text.isPublic,
        version: text.version,
        blocks: blocksSchema.parse(text.blocks),
        course,
        standing,
      };
    }),
} satisfies TRPCRouterRecord;
