import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import { Prisma } from "@hashiya/db";
import { appendEvents } from "../live/log";
import { checkMentions, mentionedIn, notifyForComment } from "../notifications/mentions";
import { appError } from "../trpc";
import type { WriteOutcome } from "./annotation";
import type { ThreadScope, Tx } from "./transaction";

/** A reply outcome also names the reply. */
export interface ReplyOutcome extends WriteOutcome {
  replyId: string;
}

const eventAbout = (scope: ThreadScope) => ({
  annotationId: scope.thread.id,
  visibility: scope.thread.visibility,
  threadAuthorId: scope.thread.authorId,
});

const mentionScope = (scope: ThreadScope, writerId: string) => ({
  courseId: scope.text.courseId,
  thread: scope.thread,
  writer: { userId: writerId, standing: scope.standing },
});

const commentAt = (scope: ThreadScope) => ({
  courseId: scope.text.courseId,
  textId: scope.text.id,
  annotationId: scope.thread.id,
});

/** Adds a reply; a deleted thread takes no new ones (its tombstone only keeps the old). */
export async function createReply(
  tx: Tx,
  scope: ThreadScope,
  authorId: string,
  body: CommentBody,
): Promise<ReplyOutcome> {
  if (scope.thread.deletedAt) throw appError("CONFLICT", "thread.deleted");
  const mentions = await checkMentions(tx, mentionScope(scope, authorId), body);
  const reply = await tx.reply.create({
    data: { annotationId: scope.thread.id, authorId, body: mentions.body, bodyText: bodyToPlainText(mentions.body) },
    select: { id: true },
  });
  const eventId = await appendEvents(tx, scope.text.id, authorId, [
    { ...eventAbout(scope), type: "reply.created", replyId: reply.id },
  ]);
  await notifyForComment(tx, mentions, { ...commentAt(scope), replyId: reply.id, actorId: authorId, body: mentions.body }, { threadAuthorId: scope.thread.authorId });
  return { annotationId: scope.thread.id, replyId: reply.id, eventId };
}

/** Replaces the body of the author's own reply. */
export async function editReply(
  tx: Tx,
  scope: ThreadScope,
  replyId: string,
  actorId: string,
  body: CommentBody,
): Promise<ReplyOutcome> {
  const mentions = await checkMentions(tx, mentionScope(scope, actorId), body);
  const before = mentions.mentioned.length > 0 ? await tx.reply.findUnique({ where: { id: replyId }, select: { body: true } }) : null;
  await tx.reply.update({
    where: { id: replyId },
    data: { body: mentions.body, bodyText: bodyToPlainText(mentions.body), editedAt: new Date() },
  });
  const eventId = await appendEvents(tx, scope.text.id, actorId, [
    { ...eventAbout(scope), type: "reply.updated", replyId },
  ]);
  await notifyForComment(tx, mentions, { ...commentAt(scope), replyId, actorId, body: mentions.body }, { alreadyMentioned: mentionedIn(before?.body ?? null) });
  return { annotationId: scope.thread.id, replyId, eventId };
}

/**
 * The author's delete of a reply: the body and reactions go for everyone, and with nothing
 * hanging on a reply it leaves every view (and may take a tombstoned thread with it).
 */
export async function deleteReply(
  tx: Tx,
  scope: ThreadScope,
  replyId: string,
  actorId: string,
): Promise<ReplyOutcome> {
  await tx.reply.update({
    where: { id: replyId },
    data: {
      body: Prisma.DbNull,
      bodyText: "",
      deletedAt: new Date(),
      reactions: { deleteMany: {} },
    },
  });
  const eventId = await appendEvents(tx, scope.text.id, actorId, [
    { ...eventAbout(scope), type: "reply.deleted", replyId },
  ]);
  return { annotationId: scope.thread.id, replyId, eventId };
}
