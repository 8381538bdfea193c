import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from "@hashiya/auth/collab-token";
import { entityIdSchema, presenceColour } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { findReadableText, type PresenceIdentity, presenceIdentity } from "../policies";
import { actorOf, type Context, protectedProcedure } from "../trpc";

const collabTokenInput = z.object({ textId: entityIdSchema.optional() }).optional();

async function identityOn(
  ctx: Pick<Context, "db" | "user">,
  user: { id: string; name: string },
  textId: string | undefined,
): Promise<PresenceIdentity> {
  const own = { id: user.id, name: user.name, colour: presenceColour(user.id) };
  if (!textId || !(await findReadableText(ctx.db, actorOf(ctx.user), textId))) return own;
  return presenceIdentity(ctx.db, user, textId);
}

export const collabRouter = {
  /**
   * A short-lived token with which the browser opens the collab server's websocket. With a
   * `textId`, `user` is the identity to show on that text (an alias where the course hides
   * classmates' names: `presenceIdentity`).
   */
  token: protectedProcedure.input(collabTokenInput).query(async ({ ctx, input }) => {
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
      user: await identityOn(ctx, user, input?.textId),
    };
  }),
} satisfies TRPCRouterRecord;
