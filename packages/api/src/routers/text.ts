import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { findReadableText } from "../policies";
import { textSummarySelect } from "../presenters";
import { createTextInput, updateTextInput } from "../courses/inputs";
import { writeInCourse } from "../courses/scope";
import { createText, updateText } from "../courses/texts";
import { actorOf, appError, protectedProcedure, publicProcedure } from "../trpc";

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
        select: { id: true, title: true, archivedAt: true },
      });
      return {
        id: text.id,
        title: text.title,
        language: text.language,
        direction: text.direction,
        isPublic: text.isPublic,
        version: text.version,
        blocks: blocksSchema.parse(text.blocks),
        dueAt: text.dueAt,
        instructions: text.instructions,
        course,
        standing,
      };
    }),

  /** Adds a text to a course, pasted or read from a .txt/.md file, in Arabic or English. */
  create: protectedProcedure.input(createTextInput).mutation(({ ctx, input }) => {
    const { courseId, ...text } = input;
    return writeInCourse(
      ctx.db,
      actorOf(ctx.user),
      courseId,
      { action: "manage_course" },
      (tx, course) => createText(tx, course, text),
    );
  }),

  /** Changes a text's title, due date, instructions, language or whether it is public. */
  update: protectedProcedure.input(updateTextInput).mutation(async ({ ctx, input }) => {
    const { textId, ...changes } = input;
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    return writeInCourse(
      ctx.db,
      actor,
      found.text.courseId,
      { action: "manage_course" },
      (tx, course) => updateText(tx, course, textId, changes),
    );
  }),
} satisfies TRPCRouterRecord;
