import type { NotificationKind, Prisma } from "@hashiya/db";
import { currentMailer } from "../mail/mailer";
import { afterCommit, requireAfterCommit } from "./after-commit";
import { NOTIFICATIONS_CHANNEL, NOTIFICATIONS_LOCK_SPACE } from "./channel";
import { composeNotificationMail, type MailFacts } from "./email";
import { type NotificationPayload, notificationPayloadSchema } from "./payload";

type Tx = Prisma.TransactionClient;

/** One notification to create; see the Notification model. */
export interface NotificationItem {
  userId: string;
  kind: NotificationKind;
  courseId: string;
  textId?: string | null;
  annotationId?: string | null;
  replyId?: string | null;
  /** Who caused it; never notified about their own act. */
  actorId?: string | null;
  payload: NotificationPayload;
}

export interface CreatedNotification {
  id: bigint;
  userId: string;
  kind: NotificationKind;
}

/**
 * Creates notifications inside a write's transaction (which must come from `runTransaction`,
 * as every helper in commands/transaction.ts does). For each item, in order:
 * - the actor is never notified about their own act; exact duplicates are created once;
 * - the recipient must be a current member of the course and not a deleted account;
 * - their preference for the kind decides: in-app off → no row; email on → a message is
 *   queued and sent only after commit (a missing preference means in-app on, email off).
 * Live listeners are woken by a NOTIFY per recipient carrying only the user id; PostgreSQL
 * delivers it at commit, and drops it on rollback.
 */
export async function createNotifications(
  tx: Tx,
  items: NotificationItem[],
): Promise<CreatedNotification[]> {
  requireAfterCommit(tx);
  const wanted = distinct(items.filter((item) => item.userId !== item.actorId));
  if (wanted.length === 0) return [];
  const recipients = await readRecipients(tx, wanted);
  const rows: NotificationItem[] = [];
  const mails: MailFacts[] = [];
  for (const item of wanted) {
    const recipient = recipients.get(item.userId);
    const role = recipient?.roles.get(item.courseId);
    if (!recipient || !role) continue;
    const choice = recipient.preferences.get(item.kind) ?? { inApp: true, email: false };
    if (choice.inApp) rows.push(item);
    if (choice.email) mails.push({ item, recipient: { ...recipient, role } });
  }
  if (rows.length > 0) {
    // Per recipient, ids must become visible in id order (a live stream's cursor is the last
    // id it sent): holding the recipient's lock from before the ids are drawn until commit
    // serialises the writers of one person's notifications. Sorted, so two writers never wait
    // on each other in a cycle (call this once per transaction, with every item).
    const userIds = [...new Set(rows.map((row) => row.userId))].sort();
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(${NOTIFICATIONS_LOCK_SPACE}::int, hashtext(uid))
      FROM unnest(${userIds}::text[]) WITH ORDINALITY AS t(uid, n) ORDER BY n`;
  }
  const created =
    rows.length === 0
      ? []
      : await tx.notification.createManyAndReturn({
          data: rows.map((item) => ({
            userId: item.userId,
            kind: item.kind,
            courseId: item.courseId,
            textId: item.textId ?? null,
            annotationId: item.annotationId ?? null,
            replyId: item.replyId ?? null,
            actorId: item.actorId ?? null,
            payload: notificationPayloadSchema.parse(item.payload),
          })),
          select: { id: true, userId: true, kind: true },
        });
  if (created.length > 0) {
    const userIds = [...new Set(created.map((row) => row.userId))];
    await tx.$executeRaw`
      SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, uid) FROM unnest(${userIds}::text[]) AS uid`;
  }
  if (mails.length > 0) {
    // Composed now, from what this transaction sees; sent only once it has committed.
    const messages = await composeNotificationMail(tx, mails, currentMailer().appUrl);
    afterCommit(tx, async () => {
      const mailer = currentMailer();
      const results = await Promise.allSettled(messages.map((message) => mailer.send(message)));
      for (const result of results) {
        if (result.status === "rejected") console.error("[mail] not sent:", result.reason);
      }
    });
  }
  return created;
}

const keyOf = (item: NotificationItem) =>
  [item.userId, item.kind, item.courseId, item.annotationId ?? "", item.replyId ?? ""].join(
    "\u0000",
  );

function distinct(items: NotificationItem[]): NotificationItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Recipient {
  id: string;
  email: string;
  locale: string;
  roles: Map<string, string>;
  preferences: Map<NotificationKind, { inApp: boolean; email: boolean }>;
}

async function readRecipients(tx: Tx, items: NotificationItem[]): Promise<Map<string, Recipient>> {
  const courseIds = [...new Set(items.map((item) => item.courseId))];
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(items.map((item) => item.userId))] }, deletedAt: null },
    select: {
      id: true,
      email: true,
      locale: true,
      memberships: {
        where: { courseId: { in: courseIds } },
        select: { courseId: true, role: true },
      },
      notificationPreferences: { select: { kind: true, inApp: true, email: true } },
    },
  });
  return new Map(
    users.map((user) => [
      user.id,
      {
        id: user.id,
        email: user.email,
        locale: user.locale,
        roles: new Map(user.memberships.map((m) => [m.courseId, m.role as string])),
        preferences: new Map(
          user.notificationPreferences.map((p) => [p.kind, { inApp: p.inApp, email: p.email }]),
        ),
      },
    ]),
  );
}
