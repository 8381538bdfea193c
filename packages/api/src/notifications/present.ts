import type { Db, NotificationKind, Prisma } from "@hashiya/db";
import { type CourseStanding, canSeeThread } from "../policies";
import { notificationPath } from "./email";
import { type NotificationPayload, notificationPayloadSchema } from "./payload";

type Reader = Pick<Db, "annotation" | "reply" | "membership" | "user" | "text" | "course">;

export const notificationSelect = {
  id: true,
  userId: true,
  kind: true,
  courseId: true,
  textId: true,
  annotationId: true,
  replyId: true,
  actorId: true,
  payload: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/**
 * Who caused a notification, as its recipient may see them: "named", "hidden" (a classmate in
 * a course with hidden names), "deleted" (a deleted account) or "none" (no actor).
 */
export type ActorShown =
  | { state: "named"; id: string; name: string }
  | { state: "hidden" | "deleted" | "none" };

/** A notification as its recipient sees it. */
export interface NotificationView {
  /** The notification's id (a decimal string): also its live event id. */
  id: string;
  kind: NotificationKind;
  courseId: string;
  courseTitle: string;
  textId: string | null;
  textTitle: string | null;
  annotationId: string | null;
  replyId: string | null;
  actor: ActorShown;
  snippet: string | null;
  decision: string | null;
  reason: string | null;
  /** Where it leads, inside the site. */
  href: string;
  readAt: Date | null;
  createdAt: Date;
}

const STAFF = new Set(["instructor", "moderator"]);

/**
 * Presents one recipient's notification rows, dropping those about things they may no longer
 * see: a course they left, a thread that became private or instructors-only, a comment since
 * deleted, hidden or still pending (its snippet was frozen when it was written, so showing the
 * notification would show the comment). Moderation decisions concern their own posts and stay.
 */
export async function presentNotifications(
  db: Reader,
  recipient: { userId: string; isAdmin: boolean },
  rows: NotificationRow[],
): Promise<NotificationView[]> {
  if (rows.length === 0) return [];
  const ids = <K extends keyof NotificationRow>(key: K) => [
    ...new Set(rows.flatMap((row) => (row[key] as string | null) ?? [])),
  ];
  const [memberships, threads, replies, actors, texts, courses] = await Promise.all([
    db.membership.findMany({
      where: { userId: recipient.userId, courseId: { in: ids("courseId") } },
      select: { courseId: true, role: true },
    }),
    db.annotation.findMany({
      where: { id: { in: ids("annotationId") } },
      select: {
        id: true,
        authorId: true,
        visibility: true,
        moderationState: true,
        deletedAt: true,
      },
    }),
    db.reply.findMany({
      where: { id: { in: ids("replyId") } },
      select: { id: true, authorId: true, moderationState: true, deletedAt: true },
    }),
    db.user.findMany({
      where: { id: { in: ids("actorId") } },
      select: {
        id: true,
        name: true,
        deletedAt: true,
        memberships: {
          where: { courseId: { in: ids("courseId") } },
          select: { courseId: true, role: true },
        },
      },
    }),
    db.text.findMany({ where: { id: { in: ids("textId") } }, select: { id: true, title: true } }),
    db.course.findMany({
      where: { id: { in: ids("courseId") } },
      select: { id: true, title: true, namesHidden: true },
    }),
  ]);
  const roleIn = new Map(memberships.map((m) => [m.courseId, m.role as string]));
  const threadById = new Map(threads.map((t) => [t.id, t]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const titleOf = new Map(texts.map((t) => [t.id, t.title]));
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const me = { userId: recipient.userId, isAdmin: recipient.isAdmin };

  return rows.flatMap((row): NotificationView[] => {
    const role = roleIn.get(row.courseId);
    const course = courseById.get(row.courseId);
    if (!role || !course) return [];
    const staff = STAFF.has(role) || recipient.isAdmin;
    if (row.annotationId) {
      const thread = threadById.get(row.annotationId);
      if (!thread) return [];
      if (!canSeeThread(me, role as CourseStanding, thread)) return [];
      if (row.kind !== "moderation") {
        const item = row.replyId ? replyById.get(row.replyId) : thread;
        if (!item || item.deletedAt) return [];
        const shown = item.moderationState === "visible" || item.authorId === me.userId || staff;
        if (!shown) return [];
      }
    }
    const payload = parsePayload(row.payload);
    const actor = actorShown(row, actorById, { staff, namesHidden: course.namesHidden });
    return [
      {
        id: row.id.toString(),
        kind: row.kind,
        courseId: row.courseId,
        courseTitle: course.title,
        textId: row.textId,
        textTitle: row.textId ? (titleOf.get(row.textId) ?? null) : null,
        annotationId: row.annotationId,
        replyId: row.replyId,
        actor,
        snippet: payload.snippet ?? null,
        decision: payload.decision ?? null,
        reason: payload.reason ?? null,
        href: notificationPath(row),
        readAt: row.readAt,
        createdAt: row.createdAt,
      },
    ];
  });
}

function parsePayload(value: Prisma.JsonValue): NotificationPayload {
  const parsed = notificationPayloadSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

function actorShown(
  row: NotificationRow,
  actors: Map<
    string,
    {
      id: string;
      name: string;
      deletedAt: Date | null;
      memberships: { courseId: string; role: string }[];
    }
  >,
  where: { staff: boolean; namesHidden: boolean },
): ActorShown {
  const actor = row.actorId ? actors.get(row.actorId) : undefined;
  if (!actor) return { state: row.actorId ? "deleted" : "none" };
  if (actor.deletedAt) return { state: "deleted" };
  const actorRole = actor.memberships.find((m) => m.courseId === row.courseId)?.role;
  // Moderation decisions are the staff's: their names are never hidden.
  if (where.namesHidden && !where.staff && actorRole === "student") {
    return { state: "hidden" };
  }
  return { state: "named", id: actor.id, name: actor.name };
}
