import { Prisma, type Visibility } from "@hashiya/db";
import type { LiveEventType } from "@hashiya/annotation-schema";
import { TEXT_EVENTS_CHANNEL } from "./hub";

/**
 * What the event log stores: the live event types, plus "thread.unshared", written with a
 * thread's OLD visibility when it changes, so viewers who could see it before hear that it is
 * gone for them (the "thread.updated" that follows carries the new visibility).
 */
export type StoredEventType = LiveEventType | "thread.unshared";

/** An event to append, described by the thread it is about. */
export interface EventDraft {
  type: StoredEventType;
  annotationId: string;
  replyId?: string | null;
  /** The thread's visibility and author: what per-viewer filtering decides on. */
  visibility: Visibility;
  threadAuthorId: string;
}

/**
 * Appends events to a text's log inside the write's transaction, and queues the wake-up;
 * returns the last event's id ("" when there was nothing to append).
 * NOTIFY inside a transaction is delivered only when it commits (and dropped if it rolls back),
 * so listeners are woken after commit, and a crash between commit and a separate NOTIFY cannot
 * leave an event unannounced. The payload is the text id only (payloads are capped at 8 kB and
 * the log is the source of truth).
 */
export async function appendEvents(
  tx: Prisma.TransactionClient,
  textId: string,
  actorId: string,
  drafts: EventDraft[],
): Promise<string> {
  let last = "";
  // One insert per event, in order: a visibility change's "thread.unshared" must get the
  // smaller id than the "thread.updated" that follows it. The last insert carries the NOTIFY
  // in the same statement (one round trip fewer on every write).
  for (const [index, draft] of drafts.entries()) {
    const values = Prisma.sql`(${textId}, ${actorId}, ${draft.type}, ${draft.annotationId},
      ${draft.replyId ?? null}, ${draft.visibility}::"Visibility", ${draft.threadAuthorId})`;
    // The one-row subquery runs once per statement, so the wake-up goes out exactly once.
    const notify =
      index === drafts.length - 1
        ? Prisma.sql`, (SELECT pg_notify(${TEXT_EVENTS_CHANNEL}, ${textId})) AS notified`
        : Prisma.empty;
    const [row] = await tx.$queryRaw<{ id: bigint }[]>`
      WITH appended AS (
        INSERT INTO text_events
          (text_id, actor_id, type, annotation_id, reply_id, visibility, thread_author_id)
        VALUES ${values}
        RETURNING id
      )
      SELECT appended.id FROM appended${notify}`;
    if (!row) throw new Error("the event was not appended");
    last = row.id.toString();
  }
  return last;
}

/** The newest event id of a text ("0" when it has none), as the decimal string clients keep. */
export async function lastEventIdOf(
  db: Pick<Prisma.TransactionClient, "textEvent">,
  textId: string,
): Promise<string> {
  const last = await db.textEvent.findFirst({
    where: { textId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return (last?.id ?? 0n).toString();
}
