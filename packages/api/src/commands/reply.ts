import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import { Prisma } from "@hashiya/db";
import { appendEvents } from "../live/log";
import { checkMentions, mentionedIn, notifyForComment } from "../notifications/mentions";
import { requireOpenThread } from "../authorise";
import { eventAudience, heldAgainAfterEdit, isHeld, type ModeratedItem } from "../policies";
import type { WriteOutcome } from "./annotation";
import type { ScopedReply, ThreadScope, Tx } from "./transaction";

/** A reply outcome also names the reply. */
export interface ReplyOutcome extends WriteOutcome {
  replyId: string;
}

// An event about a reply reaches who sees the thread — only the reply's author and the staff
// while the reply (or the thread) is held.
const eventAbout = (scope: ThreadScope, reply: ModeratedItem) => ({
  annotationId: scope.thread.id,
  ...eventAudience(scope.thread, reply),
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

/**
 * Adds a reply; a deleted or locked thread takes no new ones (a tombstone only keeps the old).
 * `moderationState` is "pending" when the course pre-moderates the writer.
 */
export async function createReply(
  tx: Tx,
  scope: ThreadScope,
  authorId: string,
  body: CommentBody,
  moderationState: "visible" | "pending" = "visible",
): Promise<ReplyOutcome> {
  requireOpenThread(scope.thread);
  const mentions = await checkMentions(tx, mentionScope(scope, authorId), body);
  const reply = await tx.reply.create({
    data: {
      annotationId: scope.thread.id,
      authorId,
      body: mentions.body,
      bodyText: bodyToPlainText(mentions.body),
      moderationState,
    },
    select: { id: true },
  });
  const eventId = await appendEvents(tx, scope.text.id, authorId, [
    {
      ...eventAbout(scope, { authorId, moderationState }),
      type: "reply.created",
      replyId: reply.id,
    },
  ]);
  // A reply held for approval tells nobody yet: it notifies when it is approved.
  if (isHeld(moderationState)) return { annotationId: scope.thread.id, replyId: reply.id, eventId };
  await notifyForComment(
    tx,
    mentions,
    { ...commentAt(scope), replyId: reply.id, actorId: authorId, body: mentions.body },
    { threadAuthorId: scope.thread.authorId },
  );
  return { annotationId: scope.thread.id, replyId: reply.id, eventId };
}

/** Replaces the body of the author's own reply. */
export async function editReply(
  tx: Tx,
  scope: ThreadScope & { reply: ScopedReply },
  replyId: string,
  actorId: string,
  body: CommentBody,
): Promise<ReplyOutcome> {
  const mentions = await checkMentions(tx, mentionScope(scope, actorId), body);
  // Who the stored body mentions already heard of it: an edit notifies only those it adds.
  const before =
    mentions.mentioned.length > 0
      ? await tx.reply.findUnique({ where: { id: replyId }, select: { body: true } })
      : null;
  // Under pre-moderation, a student's new words wait for a moderator again.
  const was = scope.reply.moderationState;
  const heldAgain = heldAgainAfterEdit(
    scope.text,
    scope.standing,
    {
      moderationState: was,
      visibility: scope.thread.visibility,
    },
    { bodyChanged: true, visibility: scope.thread.visibility },
  );
  const moderationState = heldAgain ? "pending" : was;
  await tx.reply.update({
    where: { id: replyId },
    data: {
      body: mentions.body,
      bodyText: bodyToPlainText(mentions.body),
      editedAt: new Date(),
      ...(heldAgain && { moderationState }),
    },
  });
  // A reply held again must still reach those who saw it, so that they drop it.
  const audience = heldAgain
    ? eventAudience(scope.thread, { authorId: scope.reply.authorId, moderationState }, was)
    : eventAbout(scope, scope.reply);
  const eventId = await appendEvents(tx, scope.text.id, actorId, [
    { ...audience, annotationId: scope.thread.id, type: "reply.updated", replyId },
  ]);
  if (isHeld(moderationState) || isHeld(scope.thread.moderationState)) {
    return { annotationId: scope.thread.id, replyId, eventId };
  }
  await notifyForComment(
    tx,
    mentions,
    { ...commentAt(scope), replyId, actorId, body: mentions.body },
    { alreadyMentioned: mentionedIn(before?.body ?? null) },
  );
  return { annotationId: scope.thread.id, replyId, eventId };
}

/**
 * The author's delete of a reply: the body and reactions go for everyone, and with nothing
 * hanging on a reply it leaves every view (and may take a tombstoned thread with it).
 */
export async function deleteReply(
  tx: Tx,
  scope: ThreadScope & { reply: ScopedReply },
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
    { ...eventAbout(scope, scope.reply), type: "reply.deleted", replyId },
  ]);
  return { annotationId: scope.thread.id, replyId, eventId };
}
