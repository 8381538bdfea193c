import type { LiveInput } from "@hashiya/annotation-schema";
import { canReadText, courseStanding, findReadableText } from "../policies";
import { loadLens, sharedCourseFacts } from "../queries/lens";
import { actorOf, appError, type Context } from "../trpc";
import { fanoutOf, type LiveSubscription, type ViewerSink } from "./fanout";
import { lastEventIdOf } from "./log";
import { viewerEvent } from "./viewer-event";

/**
 * Opens one viewer's live stream of a text (what `live.onTextEvent` does, for tRPC's own SSE
 * and for the web app's fast path alike): refuses a text the caller may not read, then hands
 * the events after `lastEventId` (without one: from now) to `sink`. Throws the procedure's
 * errors.
 */
export async function openLiveSubscription(
  ctx: Pick<Context, "db" | "user" | "live">,
  input: LiveInput,
  sink: ViewerSink,
): Promise<LiveSubscription> {
  const { db, live } = ctx;
  if (!live) throw appError("SERVICE_UNAVAILABLE", "live.unavailable");
  const actor = actorOf(ctx.user);
  const found = await findReadableText(db, actor, input.textId);
  if (!found) throw appError("NOT_FOUND", "not_found");
  // Only what the stream needs: it lives as long as the connection, the body need not.
  const { id, courseId, isPublic } = found.text;
  const text = { id, courseId, isPublic };
  // Watch before choosing the cursor: an event committed in between is then both after the
  // cursor and announced, never neither.
  const channel = fanoutOf(db, live).enter(text.id);
  try {
    const fresh = input.lastEventId === undefined;
    const cursor = BigInt(input.lastEventId ?? (await lastEventIdOf(db, text.id)));
    // Read fresh when the stream opens (a page opened right after a settings change must
    // follow it); the refreshes below share one read per course.
    const lens = await loadLens(db, actor, found.standing, text);
    return channel.add({
      textId: text.id,
      lens,
      async refreshLens() {
        const standing = await courseStanding(db, actor, courseId);
        if (!canReadText(actor, standing, text)) return null;
        return loadLens(db, actor, standing, text, {
          facts: await sharedCourseFacts(db, courseId),
        });
      },
      eventFor: (current, row, stored) => viewerEvent(db, current, row, stored),
      cursor,
      fresh,
      sink,
    });
  } catch (error) {
    channel.release();
    throw error;
  }
}
