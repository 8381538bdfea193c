import type { LiveEventType } from "@hashiya/annotation-schema";
import { Prisma, type TextEvent, type Visibility } from "@hashiya/db";
import { afterCommit, databaseOf } from "../notifications/after-commit";
import { TEXT_EVENTS_CHANNEL } from "./hub";
import { announceLocalCommit, type CommittedEvents, expectLocalCommit } from "./local-commits";

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
 * leave an event unannounced. The payload is the text id and the last event's id (payloads are
 * capped at 8 kB and the log is the source of truth): a process that already delivered up to
 * that id (at commit, `local-commits.ts`) skips the read.
 */
export async function appendEvents(
  tx: Prisma.TransactionClient,
  textId: string,
  actorId: string,
  drafts: EventDraft[],
): Promise<string> {
  if (drafts.length === 0) return "";
  // One statement for all of them: the rows of a multi-row VALUES are inserted in their order,
  // so each takes the next id (a visibility change's "thread.unshared" a smaller one than the
  // "thread.updated" after it); the wake-up names the last. An import appends hundreds at a
  // time: one round trip, not one per event, while it holds the text's lock.
  const rows = await tx.$queryRaw<(TextEvent & { previous: bigint | null })[]>`
    WITH appended AS (
      INSERT INTO text_events ${EVENT_COLUMNS}
      VALUES ${Prisma.join(drafts.map((draft) => eventValues(textId, actorId, draft)))}
      RETURNING id, text_id AS "textId", type, annotation_id AS "annotationId",
        reply_id AS "replyId", actor_id AS "actorId", visibility::text AS visibility,
        thread_author_id AS "threadAuthorId", created_at AS "createdAt"
    ), woken AS (${wakeUpOf(textId)})
    SELECT appended.*, ${previousEventOf(textId)} AS previous
    FROM appended, woken
    ORDER BY appended.id`;
  if (rows.length !== drafts.length) throw new Error("the events were not appended");
  const previous = rows[0]?.previous ?? 0n;
  const appended: TextEvent[] = rows.map(({ previous: _, ...event }) => event);
  return noteAppended(tx, { textId, previous, rows: appended });
}

// Pieces of the statements that append events, for `appendEvents` and for writes that append
// their event in the same statement as the row it is about (`commands/insert-thread.ts`).

/** The columns an appended event gives, in the order of {@link eventValues}. */
export const EVENT_COLUMNS = Prisma.sql`(text_id, actor_id, type, annotation_id, reply_id,
  visibility, thread_author_id)`;

/** One event's row for {@link EVENT_COLUMNS}. */
export function eventValues(textId: string, actorId: string, draft: EventDraft): Prisma.Sql {
  return Prisma.sql`(${textId}, ${actorId}, ${draft.type}, ${draft.annotationId},
    ${draft.replyId ?? null}, ${draft.visibility}::"Visibility", ${draft.threadAuthorId})`;
}

/**
 * The text's newest event before the statement's own (its snapshot does not see its inserts);
 * under the text's lock, every earlier event has committed.
 */
export function previousEventOf(textId: string): Prisma.Sql {
  return Prisma.sql`(SELECT max(id) FROM text_events WHERE text_id = ${textId})`;
}

/**
 * The wake-up for the rows of a CTE named `appended`, as a CTE's query: one NOTIFY naming the
 * text and the last event appended (join its CTE once, so it runs once).
 */
export function wakeUpOf(textId: string): Prisma.Sql {
  return Prisma.sql`SELECT pg_notify(${TEXT_EVENTS_CHANNEL}, ${textId} || ':' || max(id)::text)
    FROM appended`;
}

/**
 * Events a write appended (in order, after the text's event `previous`): this process's
 * viewers hear of them at commit (`local-commits.ts`), others by the NOTIFY. Returns the last
 * one's id ("" when there was none).
 */
export function noteAppended(tx: Prisma.TransactionClient, events: CommittedEvents): string {
  const db = databaseOf(tx);
  const last = events.rows.at(-1);
  if (db && last) {
    expectLocalCommit(db, events.textId, last.id);
    afterCommit(tx, () => announceLocalCommit(db, events));
  }
  return last?.id.toString() ?? "";
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
