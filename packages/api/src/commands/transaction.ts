import type { Db, Prisma } from "@hashiya/db";
import {
  type Actor,
  type CourseStanding,
  canReadText,
  canSeeThread,
  courseStanding,
} from "../policies";
import { runTransaction } from "../notifications/after-commit";
import { appError } from "../trpc";

export type Tx = Prisma.TransactionClient;

/** The text a write happens in, read under its write lock. */
export interface LockedText {
  id: string;
  courseId: string;
  isPublic: boolean;
  version: number;
  body: string;
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
): Promise<T> {
  return runTransaction(db, async (tx) => {
    const [text] = await tx.$queryRaw<LockedText[]>`
      SELECT id, course_id AS "courseId", is_public AS "isPublic", version, body
      FROM texts WHERE id = ${textId} FOR NO KEY UPDATE`;
    if (!text) throw appError("NOT_FOUND", "not_found");
    return command(tx, text);
  });
}

/** The actor's side of a write in a text, read with the lock (one round trip, not three). */
export interface WriterInText {
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
    const [row] = await tx.$queryRaw<(LockedText & { role: string | null; name: string | null })[]>`
      SELECT t.id, t.course_id AS "courseId", t.is_public AS "isPublic", t.version, t.body,
        m.role::text AS role, u.name
      FROM texts t
      LEFT JOIN memberships m ON m.course_id = t.course_id AND m.user_id = ${userId}
      LEFT JOIN users u ON u.id = ${userId}
      WHERE t.id = ${textId}
      FOR NO KEY UPDATE OF t`;
    if (!row) throw appError("NOT_FOUND", "not_found");
    const { role, name, ...text } = row;
    const standing: CourseStanding = actor ? ((role as CourseStanding | null) ?? "none") : "none";
    return command(tx, text, { standing, name: actor ? name : null });
  });
}

const threadAccessSelect = {
  id: true,
  textId: true,
  authorId: true,
  visibility: true,
  deletedAt: true,
} as const satisfies Prisma.AnnotationSelect;

/** What a write on a thread knows before it acts: where, who, and the thread's access fields. */
export interface ThreadScope {
  text: LockedText;
  standing: CourseStanding;
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
    const standing = await courseStanding(tx, actor, text.courseId);
    if (!thread || !canReadText(actor, standing, text) || !canSeeThread(actor, standing, thread)) {
      throw appError("NOT_FOUND", "not_found");
    }
    return command(tx, { text, standing, thread });
  });
}

/** Like {@link writeOnThread}, for a reply: the actor must see its thread; deleted replies are gone. */
export async function writeOnReply<T>(
  db: Db,
  actor: Actor,
  replyId: string,
  command: (tx: Tx, scope: ThreadScope & { reply: { id: string; authorId: string } }) => Promise<T>,
): Promise<T> {
  const located = await db.reply.findUnique({
    where: { id: replyId },
    select: { annotationId: true },
  });
  if (!located) throw appError("NOT_FOUND", "not_found");
  return writeOnThread(db, actor, located.annotationId, async (tx, scope) => {
    const reply = await tx.reply.findUnique({
      where: { id: replyId },
      select: { id: true, authorId: true, deletedAt: true },
    });
    if (!reply || reply.deletedAt) throw appError("NOT_FOUND", "not_found");
    return command(tx, { ...scope, reply });
  });
}
