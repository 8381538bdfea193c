import type { NotificationKind, Prisma } from "@hashiya/db";
import type { OutgoingMail } from "../mail/mailer";
import type { NotificationItem, Recipient } from "./create";

type Tx = Prisma.TransactionClient;

/** One email to compose: the notification and its recipient with their role in its course. */
export interface MailFacts {
  item: NotificationItem;
  recipient: Recipient & { role: string };
}

type Locale = "ar" | "en";

const words = {
  en: {
    someone: "Someone",
    classmate: "A classmate",
    deleted: "A deleted user",
    subject: {
      mention: (who: string) => `${who} mentioned you on Hashiya`,
      reply: (who: string) => `${who} replied to your comment on Hashiya`,
      moderation: () => "A moderator acted on your post on Hashiya",
    },
    lead: {
      mention: (who: string, title: string) => `${who} mentioned you in “${title}”:`,
      reply: (who: string, title: string) => `${who} replied to your comment in “${title}”:`,
      moderation: (_who: string, title: string) => `A moderator acted on your post in “${title}”.`,
    },
    decision: "Decision",
    reason: "Reason",
    open: "Open the discussion:",
    settings: "Choose which emails you get:",
  },
  ar: {
    someone: "أحدهم",
    classmate: "زميل في المقرر",
    deleted: "مستخدم محذوف",
    subject: {
      mention: (who: string) => `أشار إليك ${who} على حاشية`,
      reply: (who: string) => `ردّ ${who} على تعليقك على حاشية`,
      moderation: () => "اتخذ مشرف قرارًا بشأن مشاركتك على حاشية",
    },
    lead: {
      mention: (who: string, title: string) => `أشار إليك ${who} في «${title}»:`,
      reply: (who: string, title: string) => `ردّ ${who} على تعليقك في «${title}»:`,
      moderation: (_who: string, title: string) => `اتخذ مشرف قرارًا بشأن مشاركتك في «${title}».`,
    },
    decision: "القرار",
    reason: "السبب",
    open: "افتح النقاش:",
    settings: "اختر الرسائل التي تصلك:",
  },
} satisfies Record<Locale, unknown>;

/** The link a notification leads to: the thread in its text, or the course. */
export function notificationPath(item: {
  courseId: string;
  textId?: string | null;
  annotationId?: string | null;
}): string {
  if (!item.textId) return `/courses/${item.courseId}`;
  const thread = item.annotationId ? `?thread=${encodeURIComponent(item.annotationId)}` : "";
  return `/texts/${item.textId}${thread}`;
}

/**
 * Composes the notification emails in each recipient's language. The actor's name is shown
 * as the recipient would see it in the course: a student of a course with hidden names reads
 * "a classmate" for another student.
 */
export async function composeNotificationMail(
  tx: Tx,
  mails: MailFacts[],
  appUrl: string,
): Promise<OutgoingMail[]> {
  const courseIds = [...new Set(mails.map((mail) => mail.item.courseId))];
  const actorIds = [...new Set(mails.flatMap((mail) => mail.item.actorId ?? []))];
  const textIds = [...new Set(mails.flatMap((mail) => mail.item.textId ?? []))];
  const [courses, actors, texts] = await Promise.all([
    tx.course.findMany({
      where: { id: { in: courseIds } },
      select: { id: true, title: true, namesHidden: true },
    }),
    tx.user.findMany({
      where: { id: { in: actorIds } },
      select: {
        id: true,
        name: true,
        deletedAt: true,
        memberships: {
          where: { courseId: { in: courseIds } },
          select: { courseId: true, role: true },
        },
      },
    }),
    tx.text.findMany({ where: { id: { in: textIds } }, select: { id: true, title: true } }),
  ]);
  const courseById = new Map(courses.map((course) => [course.id, course]));
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  const titleById = new Map(texts.map((text) => [text.id, text.title]));

  return mails.map(({ item, recipient }) => {
    const locale: Locale = recipient.locale === "en" ? "en" : "ar";
    const w = words[locale];
    const course = courseById.get(item.courseId);
    const actor = item.actorId ? actorById.get(item.actorId) : undefined;
    const actorRole = actor?.memberships.find((m) => m.courseId === item.courseId)?.role;
    const who = !actor
      ? w.someone
      : actor.deletedAt
        ? w.deleted
        : course?.namesHidden && recipient.role === "student" && actorRole === "student"
          ? w.classmate
          : actor.name;
    const title =
      item.payload.textTitle ??
      (item.textId ? titleById.get(item.textId) : undefined) ??
      course?.title ??
      "";
    const kind: NotificationKind = item.kind;
    const lines = [w.lead[kind](who, title)];
    if (item.payload.snippet) lines.push("", item.payload.snippet);
    if (item.payload.decision) lines.push("", `${w.decision}: ${item.payload.decision}`);
    if (item.payload.reason) lines.push(`${w.reason}: ${item.payload.reason}`);
    lines.push(
      "",
      w.open,
      `${appUrl}${notificationPath(item)}`,
      "",
      w.settings,
      `${appUrl}/account`,
    );
    return { to: recipient.email, subject: w.subject[kind](who), text: lines.join("\n"), locale };
  });
}
