import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { copyCourse, createCourse, renameCourse, setArchived } from "../courses/course";
import {
  copyCourseInput,
  courseIdInput,
  courseSettingsInput,
  createCourseInput,
  renameCourseInput,
} from "../courses/inputs";
import { readInCourse, writeInCourse } from "../courses/scope";
import { courseSettingsSelect, updateSettings } from "../courses/settings";
import { textAdminSelect } from "../courses/texts";
import { can, canCreateCourse, courseStanding } from "../policies";
import { textSummarySelect } from "../presenters";
import { actorOf, appError, protectedProcedure, publicProcedure } from "../trpc";

export const courseRouter = {
  /** The signed-in user's courses, with their role and texts; archived ones marked. */
  mine: protectedProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.db.membership.findMany({
      where: { userId: ctx.user.id },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        course: {
          select: {
            id: true,
            title: true,
            archivedAt: true,
            texts: { select: textSummarySelect, orderBy: { createdAt: "asc" } },
          },
        },
      },
    });
    return memberships.map(({ role, course }) => ({ ...course, role }));
  }),

  /** A course page: members see all its texts; others only its public ones, if any. */
  byId: publicProcedure
    .input(z.object({ courseId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const course = await ctx.db.course.findUnique({
        where: { id: input.courseId },
        select: { id: true, title: true, archivedAt: true },
      });
      if (!course) throw appError("NOT_FOUND", "not_found");
      const actor = actorOf(ctx.user);
      const standing = await courseStanding(ctx.db, actor, course.id);
      const seesAll = standing !== "none" || actor?.isAdmin === true;
      const texts = await ctx.db.text.findMany({
        where: { courseId: course.id, ...(seesAll ? {} : { isPublic: true }) },
        select: textSummarySelect,
        orderBy: { createdAt: "asc" },
      });
      if (!seesAll && texts.length === 0) throw appError("NOT_FOUND", "not_found");
      return {
        ...course,
        role: standing === "none" ? null : standing,
        canManage: can(actor, standing, "manage_course"),
        texts,
      };
    }),

  /** Everything the course's settings page shows: settings and texts with their details. */
  manage: protectedProcedure.input(courseIdInput).query(async ({ ctx, input }) => {
    await readInCourse(ctx.db, actorOf(ctx.user), input.courseId, "manage_course");
    return ctx.db.course.findUniqueOrThrow({
      where: { id: input.courseId },
      select: {
        id: true,
        title: true,
        archivedAt: true,
        copiedFromId: true,
        ...courseSettingsSelect,
        texts: { select: textAdminSelect, orderBy: { createdAt: "asc" } },
      },
    });
  }),

  /** Starts a course; its creator becomes its instructor. */
  create: protectedProcedure.input(createCourseInput).mutation(({ ctx, input }) => {
    if (!canCreateCourse(actorOf(ctx.user))) throw appError("FORBIDDEN", "forbidden");
    return createCourse(ctx.db, ctx.user.id, input.title);
  }),

  rename: protectedProcedure
    .input(renameCourseInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course" },
        (tx, course) => renameCourse(tx, course, input.title),
      ),
    ),

  /** Makes the course read-only for everyone, until restored. */
  archive: protectedProcedure
    .input(courseIdInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course", allowArchived: true },
        (tx, course) => setArchived(tx, course, true),
      ),
    ),

  restore: protectedProcedure
    .input(courseIdInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course", allowArchived: true },
        (tx, course) => setArchived(tx, course, false),
      ),
    ),

  /**
   * A copy for a new term (texts and settings, no student work), with the caller as its only
   * member and instructor. Archived courses may be copied: that is what they are kept for.
   */
  copy: protectedProcedure
    .input(copyCourseInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course", allowArchived: true },
        (tx, course) => copyCourse(tx, course.id, ctx.user.id, input.title),
      ),
    ),

  /** Changes some of the discussion settings; the others stay as they are. */
  updateSettings: protectedProcedure.input(courseSettingsInput).mutation(({ ctx, input }) => {
    const { courseId, ...changes } = input;
    return writeInCourse(
      ctx.db,
      actorOf(ctx.user),
      courseId,
      { action: "manage_course" },
      (tx, course) => updateSettings(tx, course, changes),
    );
  }),
} satisfies TRPCRouterRecord;
