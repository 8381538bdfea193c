import { type Db, type ModerationState, Prisma } from "@hashiya/db";
import { type Actor, type CourseStanding, canReadText, canSeeThread } from "../policies";
import { runTransaction } from "../notifications/after-commit";
import { requireOpenCourse } from "../authorise";
import { appError } from "../trpc";

export type Tx = Prisma.TransactionClient;

/** The text a write happens in, read under its write lock. */
export interface LockedText {
  id: string;
  courseId: string;
  isPublic: boolean;
  version: number;
  /** The course's discussion settings (policies/thread.ts: `DiscussionSettings`). */
  preModeration: boolean;
  revealAfterPosts: number;
  namesHidden: boolean;
  /** Set while the course is archived: read-only for everyone (`requireOpenCourse`). */
  archivedAt: Date | null;
  /** The text's due date: a thread created now carries it for its "after the due date" mark. */
  dueAt: Date | null;
}

// The locked text's columns, with its course's discussion settings. Not the body: creates get it
// from `preparedTextOf` (cached per version), and no other write needs it.
const lockedTextColumns = Prisma.sql`t.id, t.course_id AS "courseId", t.is_public AS "isPublic",
  t.version, c.pre_moderation AS "preModeration",
  c.reveal_after_posts AS "revealAfterPosts", c.names_hidden AS "namesHidden",
  c.archived_at AS "archivedAt", t.due_at AS "dueAt"`;

/** A member's mute: they read, but may not write, until `mutedUntil`. */
export interface WriterMute {
  mutedUntil: Date | null;
  mutedReason: string | null;
}

/**
 * Runs a write to a text's discussion in one transaction that first locks the text's row.
 * Why the lock: the live log's cursor is the event id, so events of one text must become
 * visible in id order. Serialising a text's writers means the transaction holding event id n
 * commits before any other can take n + 1, so a reader that has seen n + 1 can never later
 * find an n it skipped. (`FOR NO KEY UPDATE` still lets foreign keys to the text be checked.)
 * It also keeps the text from changing version under a create.
 */
export async function writeInText<T>(
  db: Db,
  textId: string,
  command: (tx: Tx, text: LockedText) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  return runTransaction(
    db,
    async (tx) => {
      const [text] = await tx.$queryRaw<LockedText[]>`
      SELECT ${lockedTextColumns}
      FROM texts t JOIN courses c ON c.id = t.course_id
      WHERE t.id = ${textId} FOR NO KEY UPDATE OF t`;
      if (!text) throw appError("NOT_FOUND", "not_found");
      return command(tx, text);
    },
    options,
  );
}

/** The actor's side of a write in a text, read with the lock (one round trip, not three). */
export interface WriterInText extends WriterMute {
  standing: CourseStanding;
  /** The actor's name as stored (null when signed out or unknown), for presenting the write. */
  name: string | null;
}

/**
 * Like {@link writeInText}, but the lock's query also reads the actor's role in the text's
 * course (what `courseStanding` answers) and their name, so a create needs no more queries
 * before it writes.
 */
export async function writeInTextAs<T>(
  db: Db,
  actor: Actor,
  textId: string,
  command: (tx: Tx, text: LockedText, writer: WriterInText) => Promise<T>,
): Promise<T> {
  const userId = actor?.userId ?? null;
  return runTransaction(db, async (tx) => {
    const [row] = await tx.$queryRaw<
      (LockedText & WriterMute & { role: string | null; name: string | null })[]
    >`
      SELECT ${lockedTextColumns}, m.role::text AS role, u.name,
        m.muted_until AS "mutedUntil", m.muted_reason AS "mutedReason"
      FROM texts t
      JOIN courses c ON c.id = t.course_id
      LEFT JOIN memberships m ON m.course_id = t.course_id AND m.user_id = ${userId}
      LEFT JOIN users u ON u.id = ${userId}
      WHERE t.id = ${textId}
      FOR NO KEY UPDATE OF t`;
    if (!row) throw appError("NOT_FOUND", "not_found");
    const { role, name, mutedUntil, mutedReason, ...text } = row;
    const standing: CourseStanding = actor ? ((role as CourseStanding | null) ?? "none") : "none";
    return command(tx, text, { standing, name: actor ? name : null, mutedUntil, mutedReason });
  });
}

const threadAccessSelect = {
  id: true,
  textId: true,
  authorId: true,
  visibility: true,
  deletedAt: true,
  moderationState: true,
  lockedAt: true,
  updatedAt: true,
} as const satisfies Prisma.AnnotationSelect;

/** What a write on a thread knows before it acts: where, who, and the thread's access fields. */
export interface ThreadScope {
  text: LockedText;
  standing: CourseStanding;
  /** The actor's mute in the text's course. */
  mute: WriterMute;
  thread: Prisma.AnnotationGetPayload<{ select: typeof threadAccessSelect }>;
}

/**
 * Runs a write on a thread, under its text's lock, once the actor is known to see it; a
 * thread that does not exist and one the actor may not see are the same `not_found` (no
 * probing for private ids).
 */
export async function writeOnThread<T>(
  db: Db,
  actor: Actor,
  annotationId: string,
  command: (tx: Tx, scope: ThreadScope) => Promise<T>,
): Promise<T> {
  const located = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { textId: true },
  });
  if (!located) throw appError("NOT_FOUND", "not_found");
  return writeInText(db, located.textId, async (tx, text) => {
    const thread = await tx.annotation.findUnique({
      where: { id: annotationId },
      select: threadAccessSelect,
    });
    const membership = actor
      ? await tx.membership.findUnique({
          where: { courseId_userId: { courseId: text.courseId, userId: actor.userId } },
          select: { role: true, mutedUntil: true, mutedReason: true },
        })
      : null;
    const standing: CourseStanding = membership?.role ?? "none";
    if (!thread || !canReadText(actor, standing, text) || !canSeeThread(actor, standing, thread)) {
      throw appError("NOT_FOUND", "not_found");
    }
    requireOpenCourse(text);
    const mute = { mutedUntil: membership?.mutedUntil ?? null, mutedReason: membership?.mutedReason ?? null };
    return command(tx, { text, standing, mute, thread });
  });
}

/** The reply a write on a reply acts on. */
export interface ScopedReply {
  id: string;
  authorId: string;
  moderationState: ModerationState;
}

/** Like {@link writeOnThread}, for a reply: the actor must see its thread; deleted replies are gone. */
export async function writeOnReply<T>(
  db: Db,
  actor: Actor,
  replyId: string,
  command: (tx: Tx, scope: ThreadScope & { reply: ScopedReply }) => Promise<T>,
): Promise<T> {
  const located = await db.reply.findUnique({
    where: { id: replyId },
    select: { annotationId: true },
  });
  if (!located) throw appError("NOT_FOUND", "not_found");
  return writeOnThread(db, actor, located.annotationId, async (tx, scope) => {
    const reply = await tx.reply.findUnique({
      where: { id: replyId },
      select: { id: true, authorId: true, deletedAt: true, moderationState: true },
    });
    if (!reply || reply.deletedAt) throw appError("NOT_FOUND", "not_found");
    return command(tx, { ...scope, reply });
  });
}
