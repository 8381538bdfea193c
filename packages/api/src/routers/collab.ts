import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from "@hashiya/auth/collab-token";
import { entityIdSchema, presenceColour } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { findReadableText, isStaff, type PresenceIdentity, presenceIdentity } from "../policies";
import { loadCourseFacts } from "../queries/lens";
import { actorOf, appError, type Context, protectedProcedure } from "../trpc";

const collabTokenInput = z.object({ textId: entityIdSchema.optional() }).optional();
const presenceNamesInput = z.object({ textId: entityIdSchema });

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

  /**
   * For the course's staff, where it hides classmates' names: the real name behind each alias
   * the presence bar shows ("classmate-3" → the student's name). Awareness goes alike to
   * everyone on a document, so students' aliases travel there; the staff's page puts the names
   * back from this answer. Students and other readers are refused.
   */
  presenceNames: protectedProcedure.input(presenceNamesInput).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    if (!isStaff(actor, found.standing)) throw appError("FORBIDDEN", "forbidden");
    const { aliases } = await loadCourseFacts(ctx.db, found.text.courseId);
    const users = await ctx.db.user.findMany({
      where: { id: { in: [...aliases.keys()] } },
      select: { id: true, name: true },
    });
    return Object.fromEntries(
      users.map((user) => [`classmate-${aliases.get(user.id)}`, user.name]),
    ) as Record<string, string>;
  }),
} satisfies TRPCRouterRecord;
