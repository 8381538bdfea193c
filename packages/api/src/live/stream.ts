import type { LiveEvent } from "@hashiya/annotation-schema";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import type { LiveSubscription, ViewerSink } from "./fanout";

/** Events waiting for a slow consumer before its viewer is paused (it then reads the log). */
const QUEUE_LIMIT = 500;

/**
 * A viewer's events as tRPC's subscription generator yields them, each tracked by its event
 * id, so that a client that reconnects with the last id it got resumes exactly after it.
 */
export async function* viewerStream(
  open: (sink: ViewerSink) => Promise<LiveSubscription>,
  signal: AbortSignal | undefined,
): AsyncGenerator<TrackedEnvelope<LiveEvent>> {
  const queue: LiveEvent[] = [];
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  let paused = false;
  const signalled = () => {
    wake?.();
    wake = null;
  };
  const subscription = await open({
    deliver(events) {
      queue.push(...events);
      signalled();
      paused = queue.length >= QUEUE_LIMIT;
      return !paused;
    },
    fail(error) {
      failure = { error };
      signalled();
    },
  });
  signal?.addEventListener("abort", signalled, { once: true });
  try {
    while (!signal?.aborted) {
      const event = queue.shift();
      if (event) {
        yield tracked(event.eventId, event);
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (paused) {
        paused = false;
        subscription.resume();
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal?.removeEventListener("abort", signalled);
    subscription.close();
  }
}
