import type { LiveInput } from "@hashiya/annotation-schema";
import { canReadText, courseStanding, findReadableText } from "../policies";
import type { ViewerLens } from "../presenters";
import { loadLens, sharedCourseFacts } from "../queries/lens";
import { readMark, sharedRead } from "../queries/shared-read";
import { actorOf, appError, type Context } from "../trpc";
import { fanoutOf, type LiveSubscription, type ViewerSink } from "./fanout";
import { type LiveHub, type TextWakeups, topicOf } from "./hub";
import { lastEventIdOf } from "./log";
import { MEMBERSHIP_CHANNEL, membershipPayload } from "./membership-channel";
import { viewerEvent } from "./viewer-event";

/**
 * Opens one viewer's live stream of a text (what `live.onTextEvent` does, for tRPC's own SSE
 * and for the web app's fast path alike): refuses a text the caller may not read, then hands
 * the events after `lastEventId` (without one: from now) to `sink`. Throws the procedure's
 * errors. A membership change announced for the viewer, or for their whole course, is decided
 * at once: they lose the stream (`access.revoked`) or are told to read the discussion again
 * (`access.changed`), as the fan-out's lens refresh finds.
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
  // cursor and announced, never neither. The membership watchers, before reading the lens.
  const membership = watchMembership(live, courseId, actor?.userId ?? null);
  const channel = fanoutOf(db, live).enter(text.id);
  try {
    const fresh = input.lastEventId === undefined;
    const cursor = BigInt(input.lastEventId ?? (await lastEventIdOf(db, text.id)));
    // Read fresh when the stream opens (a page opened right after a settings change must
    // follow it); the refreshes below share reads with the text's other viewers.
    const lens = await loadLens(db, actor, found.standing, text);
    // What the page was rendered with, beside the lens: archived or not (who may write), the
    // text public or not and its language. A refresh that finds them changed tells the viewer.
    let context = await pageContext(db, id);
    let contextChanged = false;
    // The viewers of a text share the reads of what is alike for all of them, except reads
    // started before the last change they were told of (`readMark`).
    let toldAt = readMark();
    const subscription = channel.add<ViewerLens>({
      textId: text.id,
      lens,
      async refreshLens() {
        const current = await sharedRead(
          db,
          `page-context:${id}`,
          () => pageContext(db, id),
          toldAt,
        );
        const standing = await courseStanding(db, actor, courseId);
        // Whether the text is still public is part of the answer (made private meanwhile).
        if (!current || !canReadText(actor, standing, current)) return null;
        contextChanged = contextChanged || !sameContext(context, current);
        context = current;
        return loadLens(db, actor, standing, text, {
          facts: await sharedCourseFacts(db, courseId, toldAt),
        });
      },
      changed: (before, after) => {
        const changed = contextChanged || lensDiffers(before, after);
        contextChanged = false;
        return changed;
      },
      eventFor: (current, row, stored) => viewerEvent(db, current, row, stored),
      cursor,
      fresh,
      sink,
    });
    membership.follow(() => {
      toldAt = readMark();
      subscription.refreshNow();
    });
    return {
      resume: () => subscription.resume(),
      refreshNow: () => subscription.refreshNow(),
      close() {
        membership.close();
        subscription.close();
      },
    };
  } catch (error) {
    membership.close();
    channel.release();
    throw error;
  }
}

/** The text's public flag and language and its course's archive state, as they are now. */
async function pageContext(db: Context["db"], textId: string) {
  return db.text.findUnique({
    where: { id: textId },
    select: { isPublic: true, language: true, course: { select: { archivedAt: true } } },
  });
}

type PageContext = NonNullable<Awaited<ReturnType<typeof pageContext>>>;

function sameContext(before: PageContext | null, after: PageContext): boolean {
  return (
    before !== null &&
    before.isPublic === after.isPublic &&
    before.language === after.language &&
    (before.course.archivedAt === null) === (after.course.archivedAt === null)
  );
}

/** What makes a viewer's view of a text different: their role, or the course's settings. */
function lensDiffers(before: ViewerLens, after: ViewerLens): boolean {
  const a = before.settings;
  const b = after.settings;
  return (
    before.standing !== after.standing ||
    a.namesHidden !== b.namesHidden ||
    a.revealAfterPosts !== b.revealAfterPosts ||
    a.preModeration !== b.preModeration
  );
}

/**
 * Listens for membership changes of one viewer (their role, their removal) and of their whole
 * course (archived, restored, settings, a text made public or private): `follow` calls back on
 * each, and the refresh decides whether anything changed for the viewer. (The hub also wakes
 * every watcher when its connection comes back, notifications having been lost meanwhile: a
 * refresh that finds nothing changed tells the viewer nothing.)
 */
function watchMembership(live: LiveHub, courseId: string, userId: string | null) {
  const topic = (user: string | null) =>
    topicOf(MEMBERSHIP_CHANNEL, membershipPayload({ courseId, userId: user }));
  const watchers = [live.watch(topic(null)), ...(userId ? [live.watch(topic(userId))] : [])];
  const abort = new AbortController();
  const loop = async (wakeups: TextWakeups, onWake: () => void) => {
    // A watch starts raised, and a change announced before `follow` is folded into that first
    // wake-up: so it too refreshes (the stream was authorised, and its lens read, with what
    // the database said before; a refresh that finds nothing changed tells nothing).
    while (!abort.signal.aborted) {
      await wakeups.wait(abort.signal);
      if (!abort.signal.aborted) onWake();
    }
  };
  return {
    follow(refresh: () => void) {
      for (const wakeups of watchers) void loop(wakeups, refresh);
    },
    close() {
      abort.abort();
      for (const wakeups of watchers) wakeups.close();
    },
  };
}
