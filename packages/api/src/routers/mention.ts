import { entityIdSchema, visibilitySchema } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { requireWriter } from "../authorise";
import { matchNames } from "../notifications/suggest";
import { canMention, canSeeThread, type ThreadAccess, findReadableText } from "../policies";
import { actorOf, appError, protectedProcedure } from "../trpc";

const suggestInputSchema = z.object({
  textId: entityIdSchema,
  /** For a reply or an edit: the thread, whose visibility and author decide. */
  annotationId: entityIdSchema.nullish(),
  /** For a new thread: the visibility chosen in the composer. */
  visibility: visibilitySchema.default("course"),
  /** What follows "@"; empty lists everyone who may be mentioned. */
  query: z.string().max(100),
});

export const mentionRouter = {
  /**
   * Course members the caller may mention in this comment (`canMention`: they can see it),
   * matching what they typed, Arabic-aware. Never the caller.
   */
  suggest: protectedProcedure.input(suggestInputSchema).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    requireWriter(actor, found.standing, found.text);
    let thread: ThreadAccess = { visibility: input.visibility, authorId: ctx.user.id };
    if (input.annotationId) {
      const row = await ctx.db.annotation.findFirst({
        where: { id: input.annotationId, textId: input.textId },
        select: { visibility: true, authorId: true },
      });
      if (!row || !canSeeThread(actor, found.standing, row))
        throw appError("NOT_FOUND", "not_found");
      thread = row;
    }
    const courseId = found.text.courseId;
    const [course, members] = await Promise.all([
      ctx.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { namesHidden: true } }),
      ctx.db.membership.findMany({
        where: { courseId, userId: { not: ctx.user.id }, user: { deletedAt: null } },
        select: { role: true, user: { select: { id: true, name: true, isAdmin: true } } },
      }),
    ]);
    const writer = { userId: ctx.user.id, standing: found.standing };
    const allowed = members
      .filter((m) =>
        canMention(
          writer,
          { userId: m.user.id, role: m.role, isAdmin: m.user.isAdmin },
          thread,
          course,
        ),
      )
      .map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
    return matchNames(allowed, input.query);
  }),
} satisfies TRPCRouterRecord;
