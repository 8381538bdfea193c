import { entityIdSchema } from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { forgetAccountState } from "../accounts/account-state";
import { runTransaction } from "../notifications/after-commit";
import { canAdministerSite } from "../policies/admin";
import { actorOf, appError, protectedProcedure } from "../trpc";

/** Signed-in admins only (checked on the server for every call, from the account's row). */
const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canAdministerSite(actorOf(ctx.user))) throw appError("FORBIDDEN", "admin.only");
  return next();
});

const searchInput = z.object({
  /** Part of a name, an email or a title; empty lists everything. */
  query: z.string().trim().max(200).default(""),
  /** The id the previous page ended with (lists are ordered by id). */
  cursor: entityIdSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const adminRouter = {
  /** Users, searched by name or email; deleted accounts included, marked. */
  users: adminProcedure.input(searchInput).query(async ({ ctx, input }) => {
    const where: Prisma.UserWhereInput = input.query
      ? {
          OR: [
            { name: { contains: input.query, mode: "insensitive" } },
            { email: { contains: input.query, mode: "insensitive" } },
          ],
        }
      : {};
    const rows = await ctx.db.user.findMany({
      where: { ...where, ...(input.cursor && { id: { gt: input.cursor } }) },
      orderBy: { id: "asc" },
      take: input.limit,
      select: {
        id: true,
        name: true,
        email: true,
        isAdmin: true,
        deletedAt: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    });
    return {
      users: rows.map(({ _count, ...user }) => ({ ...user, courses: _count.memberships })),
      nextCursor: rows.length === input.limit ? (rows.at(-1)?.id ?? null) : null,
    };
  }),

  /** Courses, searched by title, with their size and instructors; the admin may open any. */
  courses: adminProcedure.input(searchInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db.course.findMany({
      where: {
        ...(input.query && { title: { contains: input.query, mode: "insensitive" } }),
        ...(input.cursor && { id: { gt: input.cursor } }),
      },
      orderBy: { id: "asc" },
      take: input.limit,
      select: {
        id: true,
        title: true,
        createdAt: true,
        archivedAt: true,
        _count: { select: { memberships: true, texts: true } },
        memberships: {
          where: { role: "instructor" },
          select: { user: { select: { id: true, name: true } } },
        },
      },
    });
    return {
      courses: rows.map(({ _count, memberships, ...course }) => ({
        ...course,
        members: _count.memberships,
        texts: _count.texts,
        instructors: memberships.map((m) => m.user),
      })),
      nextCursor: rows.length === input.limit ? (rows.at(-1)?.id ?? null) : null,
    };
  }),

  /** Makes a user an admin, or no longer one; the site always keeps at least one admin. */
  setAdmin: adminProcedure
    .input(z.object({ userId: entityIdSchema, isAdmin: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await runTransaction(ctx.db, async (tx) => {
        // Serialises admin changes, so two admins removing each other cannot leave none.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(7452)`;
        const user = await tx.user.findUnique({
          where: { id: input.userId },
          select: { deletedAt: true },
        });
        if (!user || user.deletedAt) throw appError("NOT_FOUND", "not_found");
        if (!input.isAdmin) {
          const others = await tx.user.count({
            where: { isAdmin: true, deletedAt: null, id: { not: input.userId } },
          });
          if (others === 0) throw appError("CONFLICT", "admin.last_admin");
        }
        return tx.user.update({
          where: { id: input.userId },
          data: { isAdmin: input.isAdmin },
          select: { id: true, isAdmin: true },
        });
      });
      forgetAccountState(input.userId);
      return updated;
    }),
} satisfies TRPCRouterRecord;
