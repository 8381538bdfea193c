import type { LiveEvent } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import { type Actor, type CourseStanding, canReadText, courseStanding } from "../policies";
import type { ViewerLens } from "../presenters";
import { loadLens, sharedCourseFacts } from "../queries/lens";
import { appError } from "../trpc";
import type { TextWakeups } from "./hub";
import { logAfter, threadAfterEvent, turnToSend } from "./shared-reads";
import { viewerEvent } from "./viewer-event";

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
  // The viewer's lens (course settings, aliases, "reveal after posting"), refreshed with the
  // role; read fresh when the stream opens.
  let lens: ViewerLens = await loadLens(db, actor, standing, text);

  while (true) {
    const wokeAt = await wakeups.wait(signal);
    if (signal?.aborted) return;
    for (let full = true; full && !signal?.aborted; ) {
      const rows = await logAfter(db, text.id, cursor, BATCH, wokeAt);
      full = rows.length === BATCH;
      let waitedTurn = false;
      for (const row of rows) {
        cursor = row.id;
        const stored = await threadAfterEvent(db, row.annotationId, row.id);
        const event = viewerEvent(db, lens, row, stored);
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
      lens = await loadLens(db, actor, standing, text, {
        facts: await sharedCourseFacts(db, text.courseId),
      });
    }
  }
}
