import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import { Prisma, type Visibility } from "@hashiya/db";
import { describeRange, isTextModelError, type PreparedText } from "@hashiya/text-model";
import { appendEvents, type EventDraft } from "../live/log";
import { checkMentions, mentionedIn, notifyForComment } from "../notifications/mentions";
import {
  type CourseStanding,
  eventAudience,
  heldAgainAfterEdit,
  isHeld,
  sameAudience,
} from "../policies";
import type { ThreadRow } from "../presenters";
import { appError } from "../trpc";
import { insertThread } from "./insert-thread";
import { preparedTextOf } from "./prepared-texts";
import type { LockedText, ThreadScope, Tx } from "./transaction";

/** What a create carries once validated (see `createAnnotationInputSchema`). */
export interface NewAnnotation {
  textVersion: number;
  start: number;
  end: number;
  body: CommentBody;
  visibility: Visibility;
  isQuestion: boolean;
  tags: string[];
  /** "pending" when the course pre-moderates the writer (`initialModerationState`). */
  moderationState?: "visible" | "pending";
}

/** A write's outcome: the thread it touched and the last event it appended. */
export interface WriteOutcome {
  annotationId: string;
  eventId: string;
}

/** A create's outcome, with the new thread's stored row when it could be had without a read. */
export interface CreateOutcome extends WriteOutcome {
  row: ThreadRow | null;
}

/**
 * Starts a thread on a passage. The selectors and quote are computed here from the stored
 * canonical text (never taken from the client), on the version the client selected on.
 */
export async function createAnnotation(
  tx: Tx,
  text: LockedText,
  author: { id: string; name: string | null; standing: CourseStanding },
  input: NewAnnotation,
): Promise<CreateOutcome> {
  const authorId = author.id;
  const thread = { visibility: input.visibility, authorId };
  const writer = { userId: authorId, standing: author.standing };
  const mentions = await checkMentions(tx, { courseId: text.courseId, thread, writer }, input.body);
  const { body } = mentions;
  const tags = [...new Set(input.tags)];
  if (input.textVersion !== text.version) throw appError("CONFLICT", "text.version_conflict");
  const range = describeRangeOrRefuse(await preparedTextOf(tx, text), input);
  const { row: annotation, eventId } = await insertThread(tx, {
    textId: text.id,
    authorId,
    textVersion: text.version,
    selectors: range.selectors,
    quote: range.quote.exact,
    start: range.start,
    end: range.end,
    body,
    isQuestion: input.isQuestion,
    visibility: input.visibility,
    moderationState: input.moderationState ?? "visible",
    tags,
  });
  // A post held for approval tells nobody yet: its mentions are notified when it is approved.
  if (!isHeld(annotation.moderationState)) {
    const comment = { courseId: text.courseId, textId: text.id, annotationId: annotation.id };
    await notifyForComment(tx, mentions, { ...comment, actorId: authorId, body });
  }
  // A new thread has no replies or reactions, and its author is the writer: its row is known
  // without reading the thread back (its tags came back with the insert).
  const row: ThreadRow | null =
    author.name !== null
      ? {
          ...annotation,
          author: { id: authorId, name: author.name, deletedAt: null },
          text: { dueAt: text.dueAt },
          reactions: [],
          replies: [],
        }
      : null;
  return { annotationId: annotation.id, eventId, row };
}

function describeRangeOrRefuse(body: PreparedText, range: { start: number; end: number }) {
  try {
    // Snap, not refuse: a selection that ends inside a letter's marks or an emoji is widened
    // to whole characters, as the reader would highlight it anyway.
    return describeRange(body, range, { graphemes: "snap" });
  } catch (error) {
    if (isTextModelError(error)) throw appError("BAD_REQUEST", "annotation.invalid_range");
    throw error;
  }
}

/** The fields an edit may change; absent ones stay as they are. */
export interface AnnotationChanges {
  body?: CommentBody;
  visibility?: Visibility;
  isQuestion?: boolean;
  tags?: string[];
}

/**
 * Edits the author's own thread. Tags are a set: the given list replaces the old one. When
 * the visibility changes, the log first gets a "thread.unshared" with the OLD visibility, so
 * that viewers who lose the thread are told to drop it.
 */
export async function editAnnotation(
  tx: Tx,
  scope: ThreadScope,
  actorId: string,
  changes: AnnotationChanges,
): Promise<WriteOutcome> {
  const { thread, text } = scope;
  // A moderator's delete is final for its author too (undoing it is the moderators' call).
  if (thread.deletedAt || thread.moderationState === "removed") {
    throw appError("CONFLICT", "thread.deleted");
  }
  const { visibility: newVisibility, isQuestion, tags } = changes;
  // Nothing to change is not an edit: no "edited" mark, no event.
  if (!changes.body && !newVisibility && isQuestion === undefined && !tags) {
    return { annotationId: thread.id, eventId: "" };
  }
  const visibility = newVisibility ?? thread.visibility;
  // Under pre-moderation, a student's new words (or a private note now shared) wait again.
  const heldAgain = heldAgainAfterEdit(text, scope.standing, thread, {
    bodyChanged: changes.body !== undefined,
    visibility,
  });
  const moderationState = heldAgain ? "pending" : thread.moderationState;
  const writer = { userId: actorId, standing: scope.standing };
  const access = { visibility, authorId: thread.authorId };
  const mentions = changes.body
    ? await checkMentions(tx, { courseId: text.courseId, thread: access, writer }, changes.body)
    : null;
  const body = mentions?.body;
  // Who the stored body mentions already heard of it: an edit notifies only those it adds.
  const stored =
    mentions && mentions.mentioned.length > 0
      ? await tx.annotation.findUnique({ where: { id: thread.id }, select: { body: true } })
      : null;
  await tx.annotation.update({
    where: { id: thread.id },
    data: {
      ...(body && { body, bodyText: bodyToPlainText(body) }),
      ...(newVisibility && { visibility: newVisibility }),
      ...(isQuestion !== undefined && { isQuestion }),
      ...(tags && {
        tags: { deleteMany: {}, create: [...new Set(tags)].map((name) => ({ name })) },
      }),
      ...(heldAgain && { moderationState }),
      editedAt: new Date(),
    },
  });
  // Audiences, not bare visibilities: a held thread's events reach its author and the staff.
  const before = eventAudience(thread);
  const after = eventAudience({ ...thread, visibility, moderationState });
  const events: EventDraft[] = [];
  if (!sameAudience(before, after)) {
    events.push({ annotationId: thread.id, type: "thread.unshared", ...before });
  }
  events.push({ annotationId: thread.id, type: "thread.updated", ...after });
  const eventId = await appendEvents(tx, text.id, actorId, events);
  if (mentions && body && !isHeld(moderationState)) {
    const comment = { courseId: text.courseId, textId: text.id, annotationId: thread.id };
    await notifyForComment(
      tx,
      mentions,
      { ...comment, actorId, body },
      {
        alreadyMentioned: mentionedIn(stored?.body ?? null),
      },
    );
  }
  return { annotationId: thread.id, eventId };
}

/**
 * The author's delete: the body goes for everyone (with its tags and reactions); the row
 * stays, as a tombstone while replies hang on it, and for the log's references.
 */
export async function deleteAnnotation(
  tx: Tx,
  scope: ThreadScope,
  actorId: string,
): Promise<WriteOutcome> {
  const { thread, text } = scope;
  if (thread.deletedAt) throw appError("CONFLICT", "thread.deleted");
  await tx.annotation.update({
    where: { id: thread.id },
    data: {
      body: Prisma.DbNull,
      bodyText: "",
      deletedAt: new Date(),
      tags: { deleteMany: {} },
      reactions: { deleteMany: {} },
    },
  });
  const eventId = await appendEvents(tx, text.id, actorId, [
    { type: "thread.deleted", annotationId: thread.id, ...eventAudience(thread) },
  ]);
  return { annotationId: thread.id, eventId };
}
