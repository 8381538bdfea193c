import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import type { ImportedAnnotation } from "@hashiya/annotation-schema/w3c";
import type { Tx } from "../commands/transaction";
import { eventAudience } from "../policies";
import { newId } from "../row-id";
import { insertReplies, type ReplyRow } from "./bulk-insert";
import {
  chunks,
  IDS_PER_QUERY,
  ROWS_PER_INSERT,
  type ThreadRef,
  type WriteContext,
} from "./write-context";

// The file's replies, each in its thread (new, or imported earlier); a reply whose id its
// thread already has is skipped and counted. A reply added to an older thread gets its own
// "reply.created" event (new threads' events carry their replies).

const replyKey = (annotationId: string, externalId: string) => `${annotationId}\u0000${externalId}`;

/** The imported replies the given threads already have, as `replyKey`s. */
async function knownReplies(tx: Tx, threadIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const ids of chunks(threadIds, IDS_PER_QUERY)) {
    const rows = await tx.reply.findMany({
      where: { annotationId: { in: ids }, externalId: { not: null } },
      select: { annotationId: true, externalId: true },
    });
    for (const row of rows) known.add(replyKey(row.annotationId, row.externalId as string));
  }
  return known;
}

/** Inserts the new replies of every thread of the file; `older` are threads imported before. */
export async function writeReplies(
  ctx: WriteContext,
  annotations: readonly ImportedAnnotation[],
  older: ReadonlyMap<string, ThreadRef>,
): Promise<void> {
  const { tx, counts } = ctx;
  const known = await knownReplies(
    tx,
    [...older.values()].map((thread) => thread.id),
  );
  const olderById = new Map([...older.values()].map((thread) => [thread.id, thread]));
  // A reply without words (a tombstone in the file) has nothing to show: not stored.
  const replies = annotations.flatMap((annotation) => {
    const thread = ctx.threads.get(annotation.externalId)!;
    return annotation.replies
      .filter((reply) => reply.body !== null)
      .map((reply) => ({ reply, thread }));
  });
  const fresh = replies.filter(
    ({ reply, thread }) => !known.has(replyKey(thread.id, reply.externalId)),
  );
  counts.skippedDuplicates.replies = replies.length - fresh.length;
  await ctx.progress(replies.length - fresh.length);
  for (const group of chunks(fresh, ROWS_PER_INSERT)) {
    const rows: ReplyRow[] = group.map(({ reply, thread }) => {
      const who = ctx.attribute(reply.creator);
      if (who.importedAuthorName !== null) counts.attributedToImporter++;
      const body = ctx.bodyOf(reply.body) as CommentBody;
      return {
        id: newId(),
        annotationId: thread.id,
        authorId: who.authorId,
        importedAuthorName: who.importedAuthorName,
        externalId: reply.externalId,
        body,
        bodyText: bodyToPlainText(body),
        createdAt: reply.created ?? ctx.now,
        editedAt: reply.modified,
      };
    });
    await insertReplies(tx, rows);
    for (const row of rows) {
      ctx.subjects.set(row.externalId, {
        type: "reply",
        id: row.id,
        state: "visible",
        reason: null,
        locked: false,
      });
      const thread = olderById.get(row.annotationId);
      if (thread)
        ctx.events.push({
          type: "reply.created",
          annotationId: thread.id,
          replyId: row.id,
          ...eventAudience(thread, { authorId: row.authorId, moderationState: "visible" }),
        });
    }
    counts.replies += rows.length;
    await ctx.progress(group.length);
  }
}
