import type { MemberRef, ModeratedItemView } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";

type Reader = Pick<Db, "annotation" | "reply" | "user">;

/** An annotation (replyId null) or a reply, as the queue and the audit log name it. */
export interface ItemKey {
  annotationId: string;
  replyId: string | null;
}

export const itemKey = (key: ItemKey) => `${key.annotationId}/${key.replyId ?? ""}`;

const threadFields = {
  id: true,
  textId: true,
  quote: true,
  bodyText: true,
  moderationState: true,
  moderationReason: true,
  deletedAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  text: { select: { title: true } },
} as const;

/**
 * The items of the moderation screens as the staff see them — body text kept even when hidden
 * or removed (DESIGN "Deleting"), author named — keyed by {@link itemKey}. Reads a few rows per
 * call, by id, whatever the course holds.
 */
export async function loadModeratedItems(
  db: Reader,
  keys: ItemKey[],
): Promise<Map<string, ModeratedItemView>> {
  const annotationIds = [...new Set(keys.map((key) => key.annotationId))];
  const replyIds = [...new Set(keys.flatMap((key) => (key.replyId ? [key.replyId] : [])))];
  const [threads, replies] = await Promise.all([
    annotationIds.length
      ? db.annotation.findMany({ where: { id: { in: annotationIds } }, select: threadFields })
      : [],
    replyIds.length
      ? db.reply.findMany({
          where: { id: { in: replyIds } },
          select: {
            id: true,
            annotationId: true,
            bodyText: true,
            moderationState: true,
            moderationReason: true,
            deletedAt: true,
            createdAt: true,
            author: { select: { id: true, name: true } },
          },
        })
      : [],
  ]);
  const byThread = new Map(threads.map((thread) => [thread.id, thread]));
  const items = new Map<string, ModeratedItemView>();
  for (const thread of threads) {
    items.set(itemKey({ annotationId: thread.id, replyId: null }), {
      type: "annotation",
      id: thread.id,
      annotationId: thread.id,
      textId: thread.textId,
      textTitle: thread.text.title,
      author: thread.author,
      quote: thread.quote,
      bodyText: thread.bodyText,
      state: thread.moderationState,
      reason: thread.moderationReason,
      deleted: thread.deletedAt !== null,
      createdAt: thread.createdAt,
    });
  }
  for (const reply of replies) {
    const thread = byThread.get(reply.annotationId);
    if (!thread) continue;
    items.set(itemKey({ annotationId: reply.annotationId, replyId: reply.id }), {
      type: "reply",
      id: reply.id,
      annotationId: reply.annotationId,
      textId: thread.textId,
      textTitle: thread.text.title,
      author: reply.author,
      quote: thread.quote,
      bodyText: reply.bodyText,
      state: reply.moderationState,
      reason: reply.moderationReason,
      deleted: reply.deletedAt !== null,
      createdAt: reply.createdAt,
    });
  }
  return items;
}

/** Names of people, for the staff's screens. */
export async function loadMembers(db: Reader, ids: string[]): Promise<Map<string, MemberRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user]));
}
