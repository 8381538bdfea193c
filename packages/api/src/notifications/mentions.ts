import {
  bodyToPlainText,
  type CommentBody,
  mentionedUserIds,
  relabelMentions,
} from "@hashiya/annotation-schema";
import type { Prisma } from "@hashiya/db";
import {
  type CourseStanding,
  canMention,
  MAX_MENTIONS_PER_COMMENT,
  type ThreadAccess,
} from "../policies";
import { appError } from "../trpc";
import { createNotifications, type NotificationItem } from "./create";
import { snippetOf } from "./payload";

type Tx = Prisma.TransactionClient;

/** Where a comment is written, and by whom: what deciding its mentions needs. */
export interface MentionScope {
  courseId: string;
  /** The thread's visibility and author (for a new thread: the chosen visibility and the writer). */
  thread: ThreadAccess;
  writer: { userId: string; standing: CourseStanding };
}

/** A body whose mentions passed, with the labels set to the members' current names. */
export interface CheckedMentions {
  body: CommentBody;
  mentioned: string[];
}

/**
 * Checks a body's mentions before it is stored: every id must be a current member whom the
 * writer may mention in this thread (`canMention`), else the write is refused with
 * "mention.not_allowed" (the composer only offers those, so this meets forged or stale ones).
 * A body without mentions costs no query.
 */
export async function checkMentions(
  tx: Tx,
  scope: MentionScope,
  body: CommentBody,
): Promise<CheckedMentions> {
  const ids = mentionedUserIds(body);
  if (ids.length === 0) return { body, mentioned: [] };
  if (ids.length > MAX_MENTIONS_PER_COMMENT) throw appError("BAD_REQUEST", "mention.too_many");
  const [course, members] = await Promise.all([
    tx.course.findUnique({ where: { id: scope.courseId }, select: { namesHidden: true } }),
    tx.membership.findMany({
      where: { courseId: scope.courseId, userId: { in: ids }, user: { deletedAt: null } },
      select: { role: true, user: { select: { id: true, name: true, isAdmin: true } } },
    }),
  ]);
  const byId = new Map(members.map((member) => [member.user.id, member]));
  const labels = new Map<string, string>();
  for (const id of ids) {
    const member = byId.get(id);
    const allowed =
      member !== undefined &&
      course !== null &&
      canMention(
        scope.writer,
        { userId: id, role: member.role, isAdmin: member.user.isAdmin },
        scope.thread,
        course,
      );
    if (!allowed || !member) throw appError("BAD_REQUEST", "mention.not_allowed");
    labels.set(id, member.user.name);
  }
  return { body: relabelMentions(body, labels), mentioned: ids };
}

/** Where a written comment is, for its notifications. */
export interface WrittenComment {
  courseId: string;
  textId: string;
  annotationId: string;
  replyId?: string;
  actorId: string;
  body: CommentBody;
}

const itemsFor = (
  userIds: string[],
  kind: NotificationItem["kind"],
  comment: WrittenComment,
): NotificationItem[] => {
  const snippet = snippetOf(bodyToPlainText(comment.body));
  return userIds.map((userId) => ({
    userId,
    kind,
    courseId: comment.courseId,
    textId: comment.textId,
    annotationId: comment.annotationId,
    replyId: comment.replyId ?? null,
    actorId: comment.actorId,
    payload: { snippet },
  }));
};

/**
 * Notifies the people a new or edited comment mentions, leaving out `alreadyMentioned` (an edit
 * notifies only those it adds), and — for a reply — the thread's author, unless the reply
 * mentions them (one notification per person per comment: the mention says more).
 * Earlier repliers are not notified: only the thread's author follows it by default, as in
 * Hypothesis, which keeps busy threads quiet.
 */
export async function notifyForComment(
  tx: Tx,
  mentions: CheckedMentions,
  comment: WrittenComment,
  options: { alreadyMentioned?: Iterable<string>; threadAuthorId?: string } = {},
): Promise<void> {
  const before = new Set(options.alreadyMentioned ?? []);
  const mentioned = mentions.mentioned.filter((id) => !before.has(id));
  const items = itemsFor(mentioned, "mention", comment);
  const author = options.threadAuthorId;
  if (author && !mentions.mentioned.includes(author)) {
    items.push(...itemsFor([author], "reply", comment));
  }
  if (items.length > 0) await createNotifications(tx, items);
}

/** The ids a stored body mentions (for edits: who was notified already). */
export function mentionedIn(body: Prisma.JsonValue | null): string[] {
  return body ? mentionedUserIds(body as CommentBody) : [];
}

/**
 * The notifications a held (pre-moderated) comment did not send when it was written, for the
 * moment a moderator approves it: its mentions, and for a reply the thread's author. The
 * actor is the comment's author (the moderator's decision is a "moderation" notification).
 */
export async function notifyApprovedComment(
  tx: Tx,
  comment: WrittenComment,
  options: { threadAuthorId?: string } = {},
): Promise<void> {
  const mentions = { body: comment.body, mentioned: mentionedUserIds(comment.body) };
  await notifyForComment(tx, mentions, comment, options);
}
