import {
  auditLogInputSchema,
  listThreadsInputSchema,
  decideInputSchema,
  decideWithReasonInputSchema,
  flagInputSchema,
  lockInputSchema,
  moderationQueueInputSchema,
  muteInputSchema,
  undoInputSchema,
  unmuteInputSchema,
} from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import type { z } from "zod";
import { requireModerator, requireOpenCourse } from "../authorise";
import { readInCourse } from "../courses/scope";
import { auditLog } from "../moderation/audit";
import { decideOnItem } from "../moderation/decide";
import { flagItem, keepFlagged } from "../moderation/flags";
import { setThreadLock } from "../moderation/lock";
import { onMember, setMute } from "../moderation/mute";
import { moderationQueue } from "../moderation/queue";
import { queueChanges } from "../moderation/queue-changes";
import { onItem } from "../moderation/scope";
import type { ItemDecision } from "../moderation/transitions";
import { undoAction } from "../moderation/undo";
import { findReadableText, isMuted } from "../policies";
import { isRevealed } from "../presenters";
import { loadLens } from "../queries/lens";
import { threadOutcome } from "../queries/threads";
import {
  actorOf,
  appError,
  type Context,
  protectedProcedure,
  publicProcedure,
  type SessionUser,
} from "../trpc";

type Ctx = Context & { user: SessionUser };

/**
 * A decision on an annotation or reply, by the course's staff, answered with the thread as
 * the moderator now sees it (marked), its last event and the audit log row (for "undo").
 */
function decide(
  ctx: Ctx,
  decision: ItemDecision,
  input: z.output<typeof decideInputSchema>,
) {
  const actor = actorOf(ctx.user);
  return onItem(ctx.db, actor, input.target, async (tx, scope) => {
    requireModerator(actor, scope.standing);
    requireOpenCourse(scope.text);
    const outcome = await decideOnItem(tx, scope, ctx.user.id, decision, input.reason);
    const { thread } = await threadOutcome(tx, actor, scope.standing, outcome);
    return { thread, eventId: outcome.eventId, actionId: outcome.actionId };
  });
}

function lock(ctx: Ctx, locked: boolean, input: z.output<typeof lockInputSchema>) {
  const actor = actorOf(ctx.user);
  const target = { type: "annotation", id: input.annotationId } as const;
  return onItem(ctx.db, actor, target, async (tx, scope) => {
    requireModerator(actor, scope.standing);
    requireOpenCourse(scope.text);
    const outcome = await setThreadLock(tx, scope, ctx.user.id, locked, input.reason);
    const { thread } = await threadOutcome(tx, actor, scope.standing, outcome);
    return { thread, eventId: outcome.eventId, actionId: outcome.actionId };
  });
}

export const moderationRouter = {
  /**
   * What a text's page tells its reader about their own standing in the discussion: their mute
   * (until when, why) while it lasts, and how far they are through "reveal after posting".
   */
  viewerStatus: publicProcedure.input(listThreadsInputSchema).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    const lens = await loadLens(ctx.db, actor, found.standing, found.text);
    const membership = actor
      ? await ctx.db.membership.findUnique({
          where: { courseId_userId: { courseId: found.text.courseId, userId: actor.userId } },
          select: { mutedUntil: true, mutedReason: true },
        })
      : null;
    const until = membership?.mutedUntil;
    const mute =
      until && isMuted(membership, new Date()) ? { until, reason: membership.mutedReason } : null;
    const required = lens.settings.revealAfterPosts;
    const reveal = isRevealed(lens) ? null : { required, posted: lens.posted };
    return { mute, reveal };
  }),

  /** Any member who sees an annotation or reply reports it, with a reason (one open flag each). */
  flag: protectedProcedure.input(flagInputSchema).mutation(({ ctx, input }) => {
    const actor = { userId: ctx.user.id, isAdmin: ctx.user.isAdmin === true };
    return onItem(ctx.db, actor, input.target, (tx, scope) =>
      flagItem(tx, scope, actor, input.reason),
    );
  }),

  /** Posts waiting for approval and items with open flags (who flagged, why), for the staff. */
  queue: protectedProcedure.input(moderationQueueInputSchema).query(async ({ ctx, input }) => {
    await readInCourse(ctx.db, actorOf(ctx.user), input.courseId, "moderate");
    return { entries: await moderationQueue(ctx.db, input.courseId) };
  }),

  /**
   * Live: a signal each time the course's queue may have changed (a flag raised or resolved, a
   * decision, a post held for approval); the page then reads `queue` again. Staff only.
   * Authorised before the stream starts, so a refused caller gets the error, not a stream.
   */
  onQueueChange: protectedProcedure
    .input(moderationQueueInputSchema)
    .subscription(async ({ ctx, input, signal }) => {
      await readInCourse(ctx.db, actorOf(ctx.user), input.courseId, "moderate");
      if (!ctx.live) throw appError("SERVICE_UNAVAILABLE", "live.unavailable");
      return queueChanges(ctx.live, input.courseId, signal);
    }),

  /** "Reviewed, keep": closes the item's open flags and leaves it as it is. */
  keep: protectedProcedure.input(decideInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return onItem(ctx.db, actor, input.target, async (tx, scope) => {
      requireModerator(actor, scope.standing);
      return keepFlagged(tx, scope, ctx.user.id, input.reason);
    });
  }),

  /** Hides an item: its author and the staff see it marked with the reason; others a placeholder. */
  hide: protectedProcedure
    .input(decideWithReasonInputSchema)
    .mutation(({ ctx, input }) => decide(ctx, "hide", input)),
  unhide: protectedProcedure
    .input(decideInputSchema)
    .mutation(({ ctx, input }) => decide(ctx, "unhide", input)),
  /** Approves a pending (or denied) post: everyone who may see it sees it from now on. */
  approve: protectedProcedure
    .input(decideInputSchema)
    .mutation(({ ctx, input }) => decide(ctx, "approve", input)),
  /** Denies a pending post: it stays its author's and the staff's, marked with the reason. */
  deny: protectedProcedure
    .input(decideWithReasonInputSchema)
    .mutation(({ ctx, input }) => decide(ctx, "deny", input)),
  /** The moderator's delete: a tombstone for others; the body is kept for the staff and the log. */
  remove: protectedProcedure
    .input(decideWithReasonInputSchema)
    .mutation(({ ctx, input }) => decide(ctx, "remove", input)),

  /** Locks a thread: it takes no new replies. */
  lock: protectedProcedure
    .input(lockInputSchema)
    .mutation(({ ctx, input }) => lock(ctx, true, input)),
  unlock: protectedProcedure
    .input(lockInputSchema)
    .mutation(({ ctx, input }) => lock(ctx, false, input)),

  /** Mutes a student of the course for some hours: they read, but may not write, until then. */
  mute: protectedProcedure.input(muteInputSchema).mutation(({ ctx, input }) =>
    onMember(ctx.db, actorOf(ctx.user), input, (tx, scope) => {
      const until = new Date(Date.now() + input.hours * 3_600_000);
      const change = { until, reason: input.reason };
      return setMute(tx, scope, ctx.user.id, change, input.reason);
    }),
  ),
  unmute: protectedProcedure.input(unmuteInputSchema).mutation(({ ctx, input }) =>
    onMember(ctx.db, actorOf(ctx.user), input, (tx, scope) =>
      setMute(tx, scope, ctx.user.id, { until: null, reason: null }, input.reason),
    ),
  ),

  /** The course's audit log for its staff: newest first, filtered, a page at a time. */
  audit: protectedProcedure.input(auditLogInputSchema).query(async ({ ctx, input }) => {
    await readInCourse(ctx.db, actorOf(ctx.user), input.courseId, "moderate");
    return auditLog(ctx.db, input);
  }),

  /** Undoes an action of the audit log (recording the inverse), unless things moved on since. */
  undo: protectedProcedure.input(undoInputSchema).mutation(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const { standing, ...outcome } = await undoAction(ctx.db, actor, input.actionId, input.reason);
    const { annotationId, eventId } = outcome;
    if (!annotationId) return { ...outcome, thread: null };
    const { thread } = await threadOutcome(ctx.db, actor, standing, { annotationId, eventId });
    return { ...outcome, thread };
  }),
} satisfies TRPCRouterRecord;
