import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { courseStanding } from "../policies";
import { textSummarySelect } from "../presenters";
import { actorOf, appError, protectedProcedure, publicProcedure } from "../trpc";

export const courseRouter = {
  /** The signed-in user's courses, with their role and texts. */
  mine: protectedProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.db.membership.findMany({
      where: { userId: ctx.user.id, course: { archivedAt: null } },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        course: {
          select: {
            id: true,
            title: true,
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
        select: { id: true, title: true },
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
      return { ...course, role: standing === "none" ? null : standing, texts };
    }),
} satisfies TRPCRouterRecord;
