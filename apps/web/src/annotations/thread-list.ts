import type { LiveEvent, ThreadView } from "./types";

/**
 * What the page keeps of a text's threads. `lastEventId` is how far the live stream has been
 * applied; `seen` is, per thread, the event its shown state reflects (the snapshot's id for
 * threads no event has touched since), so an older state never replaces a newer one.
 */
export interface ThreadList {
  threads: ThreadView[];
  lastEventId: string;
  snapshotEventId: string;
  seen: Record<string, string>;
}

/** A list from `annotation.list`'s snapshot. */
export function fromSnapshot(snapshot: { threads: ThreadView[]; lastEventId: string }): ThreadList {
  return {
    threads: sortByPosition([...snapshot.threads]),
    lastEventId: snapshot.lastEventId,
    snapshotEventId: snapshot.lastEventId,
    seen: {},
  };
}

/** Event ids are decimal bigints (the log's sequence): compare them as numbers, not strings. */
export function isNewer(eventId: string, than: string): boolean {
  try {
    return BigInt(eventId) > BigInt(than || "0");
  } catch {
    return false;
  }
}

/**
 * A thread's state as of `eventId` (null: gone from this viewer's view). Ignored when the list
 * already shows that thread at this event or a later one.
 */
export function applyThreadState(
  list: ThreadList,
  annotationId: string,
  thread: ThreadView | null,
  eventId: string,
): ThreadList {
  if (!isNewer(eventId, list.seen[annotationId] ?? list.snapshotEventId)) return list;
  const others = list.threads.filter((t) => t.id !== annotationId);
  return {
    ...list,
    threads: thread ? sortByPosition([...others, thread]) : others,
    seen: { ...list.seen, [annotationId]: eventId },
  };
}

/**
 * Applies one event of the live stream. Events the stream already delivered (duplicates
 * after a reconnect) change nothing; the stream's position moves on even when the thread
 * itself was already newer (this client's own write, applied from the mutation's answer).
 */
export function applyEvent(list: ThreadList, event: LiveEvent): ThreadList {
  if (!isNewer(event.eventId, list.lastEventId)) return list;
  const next = applyThreadState(list, event.annotationId, event.thread, event.eventId);
  return { ...next, lastEventId: event.eventId };
}

/** Threads in reading order: by where the passage starts, then the longer first, then age. */
export function sortByPosition(threads: ThreadView[]): ThreadView[] {
  return threads.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : 1),
  );
}
