import type { TRPCRouterRecord } from "@trpc/server";
import { courseIdInput, removeMemberInput, setRoleInput } from "../courses/inputs";
import { leaveCourse, listMembers, removeMember, seesEmails, setRole } from "../courses/members";
import { readInCourse, writeInCourse } from "../courses/scope";
import { actorOf, protectedProcedure } from "../trpc";

export const memberRouter = {
  /** The course's members and their roles, for its staff (emails for its instructors). */
  list: protectedProcedure.input(courseIdInput).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const { standing } = await readInCourse(ctx.db, actor, input.courseId, "view_members");
    return listMembers(ctx.db, input.courseId, seesEmails(actor, standing));
  }),

  /** Changes a member's role; takes effect at once on their open pages and sockets. */
  setRole: protectedProcedure
    .input(setRoleInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course" },
        (tx, course) => setRole(tx, course, input.userId, input.role),
      ),
    ),

  /** Removes a member (never the last instructor); their open pages lose access at once. */
  remove: protectedProcedure
    .input(removeMemberInput)
    .mutation(({ ctx, input }) =>
      writeInCourse(
        ctx.db,
        actorOf(ctx.user),
        input.courseId,
        { action: "manage_course" },
        (tx, course) => removeMember(tx, course, input.userId),
      ),
    ),

  /** The caller leaves the course (archived or not); their open pages lose access at once. */
  leave: protectedProcedure.input(courseIdInput).mutation(({ ctx, input }) => {
    return writeInCourse(
      ctx.db,
      actorOf(ctx.user),
      input.courseId,
      { action: "read_course_text", allowArchived: true },
      (tx, course) => leaveCourse(tx, course, ctx.user.id),
    );
  }),
} satisfies TRPCRouterRecord;
