import type { LiveEvent } from "@hashiya/annotation-schema";
import type { Db, TextEvent } from "@hashiya/db";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import {
  type Actor,
  type CourseStanding,
  canReadText,
  canSeeThread,
  courseStanding,
} from "../policies";
import type { ThreadRow } from "../presenters";
import { viewOfThread } from "../queries/threads";
import { appError } from "../trpc";
import type { TextWakeups } from "./hub";
import type { StoredEventType } from "./log";
import { shareSerialisation } from "./shared-payload";
import { logAfter, sharedForEvent, threadAfterEvent, turnToSend } from "./shared-reads";

/** Rows read from the log per query while catching up. */
const BATCH = 200;
/** How stale a subscriber's course role may get before it is read again. */
const STANDING_TTL_MS = 5_000;

export interface ViewerStreamOptions {
  db: Db;
  actor: Actor;
  text: { id: string; courseId: string; isPublic: boolean };
  /** The viewer's role in the text's course when the stream opened. */
  standing: CourseStanding;
  /** Registered with the hub BEFORE the cursor was chosen, so no wake-up falls in between. */
  wakeups: TextWakeups;
  /** The last event the viewer has (or need not have): the stream starts after it. */
  cursor: bigint;
  signal?: AbortSignal;
}

/**
 * One viewer's live stream of a text: after each wake-up, reads the log after its cursor in
 * id order and yields each event the viewer may know about, with the thread as they may now
 * see it. Each is tracked by its event id, so a client that reconnects with the last id it
 * got resumes exactly after it. Events the viewer may not see are skipped without a trace.
 */
export async function* viewerStream(
  options: ViewerStreamOptions,
): AsyncGenerator<TrackedEnvelope<LiveEvent>> {
  const { db, actor, text, wakeups, signal } = options;
  let cursor = options.cursor;
  let standing = options.standing;
  let standingAt = Date.now();

  while (true) {
    const wokeAt = await wakeups.wait(signal);
    if (signal?.aborted) return;
    for (let full = true; full && !signal?.aborted; ) {
      const rows = await logAfter(db, text.id, cursor, BATCH, wokeAt);
      full = rows.length === BATCH;
      let waitedTurn = false;
      for (const row of rows) {
        cursor = row.id;
        const event = await eventFor(db, actor, standing, row);
        if (!event) continue;
        if (!waitedTurn) {
          // Once per wake-up: catching up on many events does not wait a turn for each.
          waitedTurn = true;
          await turnToSend();
          if (signal?.aborted) return;
        }
        yield tracked(event.eventId, event);
      }
    }
    // Roles change rarely: re-read the viewer's now and then, after delivering rather than
    // before, so that a whole text's viewers do not each query it on the way to an event.
    if (Date.now() - standingAt > STANDING_TTL_MS) {
      standing = await courseStanding(db, actor, text.courseId);
      standingAt = Date.now();
      // Removed from the course (or the text made private) while watching: stop here.
      if (!canReadText(actor, standing, text)) throw appError("NOT_FOUND", "not_found");
    }
  }
}

/** What one viewer gets of one logged event, if anything. */
async function eventFor(
  db: Db,
  actor: Actor,
  standing: CourseStanding,
  row: TextEvent,
): Promise<LiveEvent | null> {
  // Decided first on the thread as it was at the event, so that not even the ids of a thread
  // the viewer never could see reach them...
  if (
    !canSeeThread(actor, standing, { visibility: row.visibility, authorId: row.threadAuthorId })
  ) {
    return null;
  }
  // ...then shaped by the thread as it is now, which may have gone or changed since.
  const stored = await threadAfterEvent(db, row.annotationId, row.id);
  // Viewers who get the same thread get the same event object, built and serialised once:
  // the view depends on the viewer only through whether they may see the thread and, when
  // they reacted, their own reactions ("mine").
  const sees = stored !== null && canSeeThread(actor, standing, stored);
  const viewerId = actor?.userId ?? null;
  const reacted = sees && viewerId !== null && hasReacted(stored, viewerId);
  const key = `${row.id}:${sees ? "sees" : "-"}:${reacted ? viewerId : ""}`;
  return sharedForEvent(db, key, () => {
    const thread = sees ? viewOfThread(stored, actor, standing) : null;
    const type = row.type as StoredEventType;
    // A visibility change: only those who lost the thread hear of it here (as a removal);
    // those who still see it get the "thread.updated" logged right after.
    if (type === "thread.unshared" && thread) return null;
    return shareSerialisation<LiveEvent>({
      eventId: row.id.toString(),
      type: thread && type !== "thread.unshared" ? type : "thread.deleted",
      textId: row.textId,
      annotationId: row.annotationId,
      replyId: row.replyId,
      thread,
    });
  });
}

function hasReacted(thread: ThreadRow, viewerId: string): boolean {
  const mine = (reaction: { userId: string }) => reaction.userId === viewerId;
  return thread.reactions.some(mine) || thread.replies.some((reply) => reply.reactions.some(mine));
}
