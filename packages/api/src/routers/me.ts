import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { protectedProcedure } from "../trpc";

export const meRouter = {
  setLocale: protectedProcedure
    .input(z.object({ locale: z.enum(["ar", "en"]) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
      return { locale: input.locale };
    }),
} satisfies TRPCRouterRecord;
