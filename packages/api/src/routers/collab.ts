import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from "@hashiya/auth/collab-token";
import type { TRPCRouterRecord } from "@trpc/server";
import { protectedProcedure } from "../trpc";

export const collabRouter = {
  /** A short-lived token with which the browser opens the collab server's websocket. */
  token: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, name: true },
    });
    const token = await signCollabToken({ userId: user.id, name: user.name }, ctx.authSecret);
    return {
      token,
      url: ctx.collabUrl,
      expiresAt: new Date(Date.now() + COLLAB_TOKEN_TTL_SECONDS * 1000),
    };
  }),
} satisfies TRPCRouterRecord;
