import type { Db } from "@hashiya/db";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import type { TextWakeups } from "../live/hub";
import { type NotificationView, notificationSelect, presentNotifications } from "./present";

/** Rows read per query while catching up. */
const BATCH = 100;

export interface NotificationStreamOptions {
  db: Db;
  recipient: { userId: string; isAdmin: boolean };
  /** Registered with the hub BEFORE the cursor was chosen, so no wake-up falls in between. */
  wakeups: TextWakeups;
  /** The last notification the client has: the stream starts after it. */
  cursor: bigint;
  signal?: AbortSignal;
}

/**
 * One person's new notifications as they arrive: after each wake-up, reads theirs after the
 * cursor in id order and yields each they may see, tracked by its id, so a client that
 * reconnects with the last id it got resumes right after it. (`createNotifications` makes one
 * person's ids commit in order, so a cursor never jumps over a later-committing one.)
 */
export async function* notificationStream(
  options: NotificationStreamOptions,
): AsyncGenerator<TrackedEnvelope<NotificationView>> {
  const { db, recipient, wakeups, signal } = options;
  let cursor = options.cursor;
  while (true) {
    await wakeups.wait(signal);
    if (signal?.aborted) return;
    for (let full = true; full && !signal?.aborted; ) {
      const rows = await db.notification.findMany({
        where: { userId: recipient.userId, id: { gt: cursor } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: notificationSelect,
      });
      full = rows.length === BATCH;
      const last = rows.at(-1);
      if (last) cursor = last.id;
      for (const view of await presentNotifications(db, recipient, rows)) {
        yield tracked(view.id, view);
      }
    }
  }
}

/** The newest notification id of a person ("0" when none): where a stream "from now" starts. */
export async function lastNotificationIdOf(db: Db, userId: string): Promise<bigint> {
  const last = await db.notification.findFirst({
    where: { userId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? 0n;
}
