import type { TRPCRouterRecord } from "@trpc/server";
import { courseIdInput, createInviteInput, inviteIdInput, joinInput } from "../courses/inputs";
import {
  createInvite,
  joinWithInvite,
  listInvites,
  previewInvite,
  revokeInvite,
} from "../courses/invites";
import { readInCourse, writeInCourse } from "../courses/scope";
import { actorOf, protectedProcedure, publicProcedure } from "../trpc";

export const inviteRouter = {
  /** The course's invites, newest first, with their link tokens, codes and states. */
  list: protectedProcedure.input(courseIdInput).query(async ({ ctx, input }) => {
    await readInCourse(ctx.db, actorOf(ctx.user), input.courseId, "manage_course");
    return listInvites(ctx.db, input.courseId);
  }),

  /** A new invite link and join code for a role, optionally expiring. */
  create: protectedProcedure
    .input(createInviteInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course" },
        (tx, course) => createInvite(tx, course, ctx.user.id, input),
      ),
    ),

  /** Withdraws an invite: its link and code stop working at once. */
  revoke: protectedProcedure
    .input(inviteIdInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course" },
        (tx, course) => revokeInvite(tx, course, input.inviteId),
      ),
    ),

  /**
   * What an invite leads to, for the join page (signed in or not): the course's title, the
   * role, whether it can still be used and the viewer's role there if they are in already.
   */
  preview: publicProcedure
    .input(joinInput)
    .query(({ ctx, input }) => previewInvite(ctx.db, input, ctx.user?.id ?? null)),

  /** Joins the course of an invite link's token or a typed join code. */
  join: protectedProcedure
    .input(joinInput)
    .mutation(({ ctx, input }) => joinWithInvite(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
