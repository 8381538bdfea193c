import type { Db, TextEvent } from "@hashiya/db";
import type { ThreadRow } from "../presenters";
import { processWide } from "../process-wide";
import { loadThreadRow } from "../queries/threads";

// After one write, every subscriber of the text in this process wakes at once, at the same
// cursor, and needs the same log rows and the same thread. These share one query each.

const KEEP_MS = 2_000;
// Process-wide: a create primes its thread for streams that may run in another copy of this
// module (`process-wide.ts`).
const threadLoads = processWide(
  "live/shared-reads:threads",
  () => new WeakMap<Db, Map<string, Promise<ThreadRow | null>>>(),
);
const logReads = processWide(
  "live/shared-reads:log",
  () => new WeakMap<Db, Map<string, { startedAt: number; rows: Promise<TextEvent[]> }>>(),
);

function tableOf<V>(tables: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> {
  let table = tables.get(db);
  if (!table) {
    table = new Map();
    tables.set(db, table);
  }
  return table;
}

/**
 * The log rows of a text after `cursor`, in id order, from a read that started at or after
 * `notBefore` (the wake-up's time): joining an older read could miss the row that caused the
 * wake-up, so such a read is not shared.
 */
export function logAfter(
  db: Db,
  textId: string,
  cursor: bigint,
  limit: number,
  notBefore: number,
): Promise<TextEvent[]> {
  const table = tableOf(logReads, db);
  const key = `${textId}@${cursor}:${limit}`;
  const running = table.get(key);
  if (running && running.startedAt >= notBefore) return running.rows;
  const read = {
    startedAt: performance.now(),
    rows: db.textEvent.findMany({
      where: { textId, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: limit,
    }),
  };
  table.set(key, read);
  const forget = () => {
    if (table.get(key) === read) table.delete(key);
  };
  read.rows.then(forget, forget);
  return read.rows;
}

/**
 * The stored thread as of (at least) event `eventId`, loaded once for all viewers. Safe to
 * keep for a while: the load started after the event committed, and any later change of the
 * thread is a later event, with its own key.
 */
export function threadAfterEvent(
  db: Db,
  annotationId: string,
  eventId: bigint,
): Promise<ThreadRow | null> {
  const table = tableOf(threadLoads, db);
  const key = `${annotationId}@${eventId}`;
  let load = table.get(key);
  if (!load) {
    load = loadThreadRow(db, annotationId);
    table.set(key, load);
    const forget = () => setTimeout(() => table.delete(key), KEEP_MS).unref();
    load.then(forget, () => table.delete(key));
  }
  return load;
}

/**
 * Offers the thread as its write left it, for the viewers of event `eventId`, so that they
 * need not read it back. Called inside the write's transaction: if it rolls back, the event
 * never exists, and its id (a sequence value) is never used again.
 */
export function primeThreadAfterEvent(
  db: Db,
  annotationId: string,
  eventId: bigint,
  row: ThreadRow,
): void {
  const table = tableOf(threadLoads, db);
  const key = `${annotationId}@${eventId}`;
  if (table.has(key)) return;
  table.set(key, Promise.resolve(row));
  setTimeout(() => table.delete(key), KEEP_MS).unref();
}

const sharedEvents = processWide(
  "live/shared-reads:events",
  () => new WeakMap<Db, Map<string, unknown>>(),
);

/**
 * One value per key for all the viewers of an event in this process, built once (the key
 * must capture everything the value depends on); kept as long as the thread loads above.
 */
export function sharedForEvent<V>(db: Db, key: string, build: () => V): V {
  const table = tableOf(sharedEvents, db);
  if (table.has(key)) return table.get(key) as V;
  const value = build();
  table.set(key, value);
  setTimeout(() => table.delete(key), KEEP_MS).unref();
  return value;
}
