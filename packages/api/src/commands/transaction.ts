import type { Db, Prisma } from "@hashiya/db";
import {
  type Actor,
  type CourseStanding,
  canReadText,
  canSeeThread,
  courseStanding,
} from "../policies";
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
  return db.$transaction(async (tx) => {
    const [text] = await tx.$queryRaw<LockedText[]>`
      SELECT id, course_id AS "courseId", is_public AS "isPublic", version, body
      FROM texts WHERE id = ${textId} FOR NO KEY UPDATE`;
    if (!text) throw appError("NOT_FOUND", "not_found");
    return command(tx, text);
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
