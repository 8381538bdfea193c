import type { Prisma, Visibility } from "@hashiya/db";
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
  // smaller id than the "thread.updated" that follows it.
  for (const draft of drafts) {
    const row = await tx.textEvent.create({
      select: { id: true },
      data: {
        textId,
        actorId,
        type: draft.type,
        annotationId: draft.annotationId,
        replyId: draft.replyId ?? null,
        visibility: draft.visibility,
        threadAuthorId: draft.threadAuthorId,
      },
    });
    last = row.id.toString();
  }
  if (last) await tx.$executeRaw`SELECT pg_notify(${TEXT_EVENTS_CHANNEL}, ${textId})`;
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
