import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { deleteText, textDeletionImpact } from "../courses/delete-text";
import { createTextInput, textIdInput, updateTextInput } from "../courses/inputs";
import { readInCourse, writeInCourse } from "../courses/scope";
import { createText, updateText } from "../courses/texts";
import { findReadableText } from "../policies";
import { textSummarySelect } from "../presenters";
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

  /** What deleting the text would lose (threads, replies), for the confirmation. */
  deletionImpact: protectedProcedure.input(textIdInput).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    await readInCourse(ctx.db, actor, found.text.courseId, "manage_course");
    return textDeletionImpact(ctx.db, input.textId);
  }),

  /** Deletes a text with its whole discussion and notes; its open pages lose access at once. */
  delete: protectedProcedure.input(textIdInput).mutation(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    const deleted = await writeInCourse(
      ctx.db,
      actor,
      found.text.courseId,
      { action: "manage_course" },
      (tx, course) => deleteText(tx, course, input.textId),
    );
    // The operators' trace of a deletion that cannot be undone (ids and counts only).
    const { id, courseId, threads, replies } = deleted;
    console.info(
      "[text-deleted]",
      JSON.stringify({ id, courseId, threads, replies, by: ctx.user.id }),
    );
    return { id: deleted.id, courseId: deleted.courseId };
  }),
} satisfies TRPCRouterRecord;
