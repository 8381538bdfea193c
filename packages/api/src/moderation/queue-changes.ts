import { type LiveHub, topicOf } from "../live/hub";
import { MODERATION_CHANNEL } from "./channel";

/**
 * A signal each time a course's moderation queue may have changed — no content: the staff's
 * page reads the queue again through its own authorised query. Watches at once (before the
 * caller reads the queue), so a change in between is signalled rather than missed.
 */
export function queueChanges(
  live: LiveHub,
  courseId: string,
  signal?: AbortSignal,
): AsyncGenerator<{ changed: true }> {
  const wakeups = live.watch(topicOf(MODERATION_CHANNEL, courseId));
  return (async function* () {
    try {
      // A watch starts raised: that first wake-up is not a change.
      await wakeups.wait(signal);
      while (!signal?.aborted) {
        await wakeups.wait(signal);
        if (!signal?.aborted) yield { changed: true as const };
      }
    } finally {
      wakeups.close();
    }
  })();
}
