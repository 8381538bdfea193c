import type { QueueEntryView } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import { type ItemKey, itemKey, loadMembers, loadModeratedItems } from "./items-view";

/** Most entries the queue shows at once (the oldest first: they have waited longest). */
const QUEUE_LIMIT = 200;

/**
 * A course's moderation queue: posts waiting for approval, then items with open flags (who
 * flagged, why), each group oldest first.
 */
export async function moderationQueue(
  db: Pick<Db, "annotation" | "reply" | "user" | "flag">,
  courseId: string,
): Promise<QueueEntryView[]> {
  const [flags, pendingThreads, pendingReplies] = await Promise.all([
    db.flag.findMany({
      where: { courseId, resolvedAt: null },
      select: {
        id: true,
        annotationId: true,
        replyId: true,
        flaggerId: true,
        reason: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT * 5,
    }),
    db.annotation.findMany({
      where: { text: { courseId }, moderationState: "pending", deletedAt: null },
      select: { id: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
    }),
    db.reply.findMany({
      where: { annotation: { text: { courseId } }, moderationState: "pending", deletedAt: null },
      select: { id: true, annotationId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
    }),
  ]);
  const pending: ItemKey[] = [
    ...pendingThreads.map((thread) => ({ annotationId: thread.id, replyId: null })),
    ...pendingReplies.map((reply) => ({ annotationId: reply.annotationId, replyId: reply.id })),
  ];
  const flagged = new Map<string, { key: ItemKey; flags: typeof flags }>();
  for (const flag of flags) {
    const key = { annotationId: flag.annotationId, replyId: flag.replyId };
    const entry = flagged.get(itemKey(key)) ?? { key, flags: [] };
    entry.flags.push(flag);
    flagged.set(itemKey(key), entry);
  }
  const keys = [...pending, ...[...flagged.values()].map((entry) => entry.key)];
  const [items, people] = await Promise.all([
    loadModeratedItems(db, keys),
    loadMembers(
      db,
      flags.map((flag) => flag.flaggerId),
    ),
  ]);
  const seen = new Set<string>();
  const entries: QueueEntryView[] = [];
  for (const key of keys) {
    const id = itemKey(key);
    const item = items.get(id);
    if (seen.has(id) || !item) continue;
    seen.add(id);
    const flagsOfItem = flagged.get(id)?.flags ?? [];
    entries.push({
      item,
      flags: flagsOfItem.map((flag) => ({
        id: flag.id,
        flagger: people.get(flag.flaggerId) ?? { id: flag.flaggerId, name: "" },
        reason: flag.reason,
        createdAt: flag.createdAt,
      })),
    });
  }
  return entries.slice(0, QUEUE_LIMIT);
}
