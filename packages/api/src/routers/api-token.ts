import { entityIdSchema } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { MAX_ACTIVE_TOKENS, newApiToken } from "../accounts/api-tokens";
import { appError, protectedProcedure } from "../trpc";

// One's own personal API tokens (account settings): create (the secret is answered once and
// never again), list, revoke. Nobody sees or revokes another person's tokens, admins included.

const nameSchema = z
  .string()
  .transform((name) => name.normalize("NFC").trim())
  .pipe(z.string().min(1, "api_token.name_invalid").max(80, "api_token.name_invalid"));

const tokenColumns = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export const apiTokenRouter = {
  create: protectedProcedure
    .input(z.object({ name: nameSchema }))
    .mutation(async ({ ctx, input }) => {
      const { token, tokenHash } = newApiToken();
      // Counted and created in one serialisable step per user (the row lock on the user).
      return ctx.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM users WHERE id = ${ctx.user.id} FOR UPDATE`;
        const active = await tx.apiToken.count({
          where: { userId: ctx.user.id, revokedAt: null },
        });
        if (active >= MAX_ACTIVE_TOKENS) throw appError("BAD_REQUEST", "api_token.too_many");
        const row = await tx.apiToken.create({
          data: { userId: ctx.user.id, name: input.name, tokenHash },
          select: tokenColumns,
        });
        return { ...row, token };
      });
    }),

  list: protectedProcedure.query(({ ctx }) =>
    ctx.db.apiToken.findMany({
      where: { userId: ctx.user.id },
      select: tokenColumns,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  ),

  revoke: protectedProcedure
    .input(z.object({ id: entityIdSchema }))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.apiToken.updateMany({
        where: { id: input.id, userId: ctx.user.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count === 0) {
        const mine = await ctx.db.apiToken.findFirst({
          where: { id: input.id, userId: ctx.user.id },
          select: tokenColumns,
        });
        if (!mine) throw appError("NOT_FOUND", "not_found");
        return mine;
      }
      return ctx.db.apiToken.findUniqueOrThrow({ where: { id: input.id }, select: tokenColumns });
    }),
} satisfies TRPCRouterRecord;
