import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from "@hashiya/auth/collab-token";
import { presenceColour } from "@hashiya/annotation-schema";
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
      // The identity the collab server will insist on in this user's presence states.
      user: { id: user.id, name: user.name, colour: presenceColour(user.id) },
    };
  }),
} satisfies TRPCRouterRecord;
