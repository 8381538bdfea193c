import type { LiveEvent, LiveInput } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import type { LiveHub } from "../live/hub";
import type { SessionUser } from "../trpc";
import { callerFor } from "./factories";

/** A running `live.onTextEvent` subscription whose events a test inspects. */
export interface LiveCollector {
  events: LiveEvent[];
  /** Resolves once `count` events arrived; rejects with what did arrive after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<LiveEvent[]>;
  /** Resolves once an event about this annotation arrived (the "sentinel" of a test). */
  waitForThread(annotationId: string, timeoutMs?: number): Promise<LiveEvent>;
  /** Cuts the subscription, as a dropped connection would; resolves once it ended. */
  stop(): Promise<void>;
  /** Set when the stream ended with an error. */
  error: unknown;
}

/**
 * Subscribes as `user` through `createCaller`, as the SSE handler would. Without a
 * `lastEventId`, starts from the one `annotation.list` answers, as the web client does (a
 * generator only starts on its first read, so "from now" would race the test's writes).
 * `stopAfter` cuts the stream right after that many events, mid-stream.
 */
export async function collectLive(
  db: Db,
  user: SessionUser | null,
  live: LiveHub,
  input: LiveInput,
  options: { stopAfter?: number } = {},
): Promise<LiveCollector> {
  const abort = new AbortController();
  const caller = callerFor(db, user, { live, signal: abort.signal });
  const lastEventId =
    input.lastEventId ?? (await caller.annotation.list({ textId: input.textId })).lastEventId;
  const stream = await caller.live.onTextEvent({ ...input, lastEventId });
  const collector: LiveCollector = {
    events: [],
    error: undefined,
    waitFor: (count, timeoutMs = 5_000) =>
      until(() => collector.events.length >= count, timeoutMs, collector).then(() => [
        ...collector.events,
      ]),
    waitForThread: async (annotationId, timeoutMs = 5_000) => {
      const find = () => collector.events.find((event) => event.annotationId === annotationId);
      await until(() => find() !== undefined, timeoutMs, collector);
      return find()!;
    },
    async stop() {
      abort.abort();
      await running;
    },
  };
  const running = (async () => {
    try {
      for await (const item of stream as AsyncIterable<unknown>) {
        collector.events.push(eventOf(item));
        if (collector.events.length === options.stopAfter) break;
      }
    } catch (error) {
      if (!abort.signal.aborted) collector.error = error;
    }
  })();
  return collector;
}

// On the server a tracked event is tRPC's envelope [id, data, marker]; its types describe what
// a client receives ({ id, data }). Accept both.
function eventOf(item: unknown): LiveEvent {
  if (Array.isArray(item)) return item[1] as LiveEvent;
  return (item as { data: LiveEvent }).data;
}

async function until(done: () => boolean, timeoutMs: number, collector: LiveCollector) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (collector.error) throw collector.error;
    if (Date.now() > deadline) {
      const got = collector.events.map((event) => `${event.eventId}:${event.type}`).join(", ");
      throw new Error(`Timed out after ${timeoutMs} ms; received [${got}]`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits a little and hands back what arrived: for asserting that nothing more comes. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `done()` holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
