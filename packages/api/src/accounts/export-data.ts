import type { Db } from "@hashiya/db";

/**
 * Everything the site keeps about a person that is theirs to take: profile, memberships, every
 * annotation and reply they wrote (private ones included, deleted ones as the tombstones they
 * are), their reactions, notifications and preferences. Never other people's words or data.
 */
export async function exportOwnData(db: Db, userId: string) {
  const [profile, memberships, annotations, replies, annotationReactions, replyReactions] =
    await Promise.all([
      db.user.findUniqueOrThrow({
        where: { id: userId },
        select: { id: true, name: true, email: true, locale: true, isAdmin: true, createdAt: true },
      }),
      db.membership.findMany({
        where: { userId },
        select: { role: true, createdAt: true, course: { select: { id: true, title: true } } },
        orderBy: { createdAt: "asc" },
      }),
      db.annotation.findMany({
        where: { authorId: userId },
        select: {
          id: true,
          text: { select: { id: true, title: true, courseId: true } },
          quote: true,
          start: true,
          end: true,
          selectors: true,
          body: true,
          bodyText: true,
          visibility: true,
          isQuestion: true,
          moderationState: true,
          moderationReason: true,
          tags: { select: { name: true } },
          createdAt: true,
          editedAt: true,
          deletedAt: true,
        },
        orderBy: { createdAt: "asc" },
      }),
      db.reply.findMany({
        where: { authorId: userId },
        select: {
          id: true,
          annotationId: true,
          body: true,
          bodyText: true,
          moderationState: true,
          moderationReason: true,
          createdAt: true,
          editedAt: true,
          deletedAt: true,
        },
        orderBy: { createdAt: "asc" },
      }),
      db.annotationReaction.findMany({
        where: { userId },
        select: { annotationId: true, kind: true, createdAt: true },
      }),
      db.replyReaction.findMany({
        where: { userId },
        select: { replyId: true, kind: true, createdAt: true },
      }),
    ]);
  const [notifications, notificationPreferences] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      select: {
        id: true,
        kind: true,
        courseId: true,
        textId: true,
        annotationId: true,
        replyId: true,
        payload: true,
        readAt: true,
        createdAt: true,
      },
      orderBy: { id: "asc" },
    }),
    db.notificationPreference.findMany({
      where: { userId },
      select: { kind: true, inApp: true, email: true },
    }),
  ]);
  return {
    format: "hashiya-personal-data/1",
    exportedAt: new Date().toISOString(),
    profile,
    memberships: memberships.map((m) => ({
      courseId: m.course.id,
      courseTitle: m.course.title,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    annotations: annotations.map(({ text, tags, ...rest }) => ({
      ...rest,
      textId: text.id,
      textTitle: text.title,
      courseId: text.courseId,
      tags: tags.map((tag) => tag.name),
    })),
    replies,
    reactions: [
      ...annotationReactions.map((r) => ({
        on: "annotation" as const,
        id: r.annotationId,
        kind: r.kind,
        createdAt: r.createdAt,
      })),
      ...replyReactions.map((r) => ({
        on: "reply" as const,
        id: r.replyId,
        kind: r.kind,
        createdAt: r.createdAt,
      })),
    ],
    notifications: notifications.map((n) => ({ ...n, id: n.id.toString() })),
    notificationPreferences,
  };
}

export type OwnData = Awaited<ReturnType<typeof exportOwnData>>;
