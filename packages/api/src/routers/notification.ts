import type { TRPCRouterRecord } from "@trpc/server";
import { topicOf } from "../live/hub";
import { NOTIFICATIONS_CHANNEL } from "../notifications/channel";
import {
  listNotificationsInputSchema,
  markAllReadInputSchema,
  markReadInputSchema,
  notificationStreamInputSchema,
  setPreferenceInputSchema,
} from "../notifications/inputs";
import { notificationSelect, presentNotifications } from "../notifications/present";
import { lastNotificationIdOf, notificationStream } from "../notifications/stream";
import { appError, protectedProcedure } from "../trpc";

const KINDS = ["mention", "reply", "moderation"] as const;
/** Unread ones counted at most; the bell shows "99+" beyond. */
const UNREAD_COUNT_CAP = 100;

// Every procedure here is about the caller's own notifications: nobody reads another's.
const recipientOf = (user: { id: string; isAdmin?: boolean }) => ({
  userId: user.id,
  isAdmin: user.isAdmin === true,
});

export const notificationRouter = {
  /** The caller's notifications, newest first, a page at a time, with the last id seen. */
  list: protectedProcedure.input(listNotificationsInputSchema).query(async ({ ctx, input }) => {
    const recipient = recipientOf(ctx.user);
    const rows = await ctx.db.notification.findMany({
      where: {
        userId: recipient.userId,
        ...(input.cursor && { id: { lt: BigInt(input.cursor) } }),
        ...(input.unreadOnly && { readAt: null }),
      },
      orderBy: { id: "desc" },
      take: input.limit,
      select: notificationSelect,
    });
    const items = await presentNotifications(ctx.db, recipient, rows);
    const last = rows.at(-1);
    return {
      items,
      /** Pass as `cursor` for the next page; null at the end. */
      nextCursor: rows.length === input.limit && last ? last.id.toString() : null,
      /** The newest id there is: the subscription's starting point. */
      lastEventId: (await lastNotificationIdOf(ctx.db, recipient.userId)).toString(),
    };
  }),

  /** How many unread notifications the caller has (counted up to 100). */
  unreadCount: protectedProcedure.query(async ({ ctx }) => {
    const recipient = recipientOf(ctx.user);
    const rows = await ctx.db.notification.findMany({
      where: { userId: recipient.userId, readAt: null },
      orderBy: { id: "desc" },
      take: UNREAD_COUNT_CAP,
      select: notificationSelect,
    });
    const shown = await presentNotifications(ctx.db, recipient, rows);
    return { count: shown.length, capped: rows.length === UNREAD_COUNT_CAP };
  }),

  /** Marks some of the caller's notifications read (others' ids are ignored). */
  markRead: protectedProcedure.input(markReadInputSchema).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.notification.updateMany({
      where: { userId: ctx.user.id, id: { in: input.ids.map(BigInt) }, readAt: null },
      data: { readAt: new Date() },
    });
    return { count };
  }),

  /** Marks all the caller's notifications read, up to `upTo` when given. */
  markAllRead: protectedProcedure.input(markAllReadInputSchema).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.notification.updateMany({
      where: {
        userId: ctx.user.id,
        readAt: null,
        ...(input.upTo && { id: { lte: BigInt(input.upTo) } }),
      },
      data: { readAt: new Date() },
    });
    return { count };
  }),

  /** The caller's choice per kind (in-app on and email off unless they changed it). */
  preferences: protectedProcedure.query(async ({ ctx }) => {
    const stored = await ctx.db.notificationPreference.findMany({
      where: { userId: ctx.user.id },
      select: { kind: true, inApp: true, email: true },
    });
    const byKind = new Map(stored.map((p) => [p.kind, p]));
    return KINDS.map((kind) => byKind.get(kind) ?? { kind, inApp: true, email: false });
  }),

  /** Sets the caller's choice for one kind. */
  setPreference: protectedProcedure
    .input(setPreferenceInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { kind, inApp, email } = input;
      return ctx.db.notificationPreference.upsert({
        where: { userId_kind: { userId: ctx.user.id, kind } },
        create: { userId: ctx.user.id, kind, inApp, email },
        update: { inApp, email },
        select: { kind: true, inApp: true, email: true },
      });
    }),

  /**
   * The caller's new notifications, live (SSE). Start from the `lastEventId` that `list`
   * returned; on reconnect the link sends the last id it received and the stream resumes
   * right after it. Without one, it starts from now.
   */
  onNotification: protectedProcedure
    .input(notificationStreamInputSchema)
    .subscription(async function* ({ ctx, input, signal }) {
      if (!ctx.live) throw appError("SERVICE_UNAVAILABLE", "live.unavailable");
      const recipient = recipientOf(ctx.user);
      // Listen before choosing the cursor: one created in between is both after the cursor
      // and announced, never neither.
      const wakeups = ctx.live.watch(topicOf(NOTIFICATIONS_CHANNEL, recipient.userId));
      try {
        const cursor = input.lastEventId
          ? BigInt(input.lastEventId)
          : await lastNotificationIdOf(ctx.db, recipient.userId);
        yield* notificationStream({ db: ctx.db, recipient, wakeups, cursor, signal });
      } finally {
        wakeups.close();
      }
    }),
} satisfies TRPCRouterRecord;
