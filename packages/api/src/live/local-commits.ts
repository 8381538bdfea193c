import type { Db, TextEvent } from "@hashiya/db";
import { processWide } from "../process-wide";

// Writers in this process tell its live channels of their events as soon as they commit, so
// the viewers here need not wait for the NOTIFY to travel through PostgreSQL and back, nor
// read back rows that this process has just written. The NOTIFY still goes out (other
// processes, and a channel that could not use the offer, read the log as always).

/** A text's events as one transaction appended them, after the text's event `previous`. */
export interface CommittedEvents {
  textId: string;
  /** The text's newest event before these ("0" when none): delivering them needs nothing else. */
  previous: bigint;
  rows: TextEvent[];
}

type Listener = (events: CommittedEvents) => void;
// Process-wide: the writer and the live streams may run in different copies of this module.
const listeners = processWide(
  "live/local-commits:listeners",
  () => new WeakMap<Db, Map<string, Set<Listener>>>(),
);

/** Hears of the committed events of a text written through `db` in this process. */
export function onLocalCommit(db: Db, textId: string, listener: Listener): () => void {
  let byText = listeners.get(db);
  if (!byText) {
    byText = new Map();
    listeners.set(db, byText);
  }
  let set = byText.get(textId);
  if (!set) {
    set = new Set();
    byText.set(textId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && byText.get(textId) === set) byText.delete(textId);
  };
}

/** Called once the transaction that appended `events` has committed. */
export function announceLocalCommit(db: Db, events: CommittedEvents): void {
  for (const listener of listeners.get(db)?.get(events.textId) ?? []) listener(events);
  const last = events.rows.at(-1);
  if (last) offered(db, events.textId, last.id);
}

// PostgreSQL signals the listeners of a NOTIFY as the writer's transaction commits, before the
// writer hears that it did: a text's channel here may be woken by its own process's write before
// that write is offered to it. It then waits for the offer rather than reading the log for it.
// A write that rolls back sends no NOTIFY, so nothing waits for it; its entry just expires.

/** How long a committed write may take to be offered before the channel reads the log anyway. */
const OFFER_WAIT_MS = 100;
const committing = processWide(
  "live/local-commits:committing",
  () => new WeakMap<Db, Map<string, { resolve: () => void; done: Promise<void> }>>(),
);

const keyOf = (textId: string, lastId: bigint) => `${textId}@${lastId}`;

/** Called inside the transaction that appends a text's events up to `lastId`, in this process. */
export function expectLocalCommit(db: Db, textId: string, lastId: bigint): void {
  let table = committing.get(db);
  if (!table) {
    table = new Map();
    committing.set(db, table);
  }
  const key = keyOf(textId, lastId);
  let resolve!: () => void;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  table.set(key, { resolve, done });
  // Rolled back (or never offered): forgotten after a while.
  setTimeout(() => {
    table.delete(key);
    resolve();
  }, 10_000).unref();
}

/** Called once those events were offered to the text's channels (`announceLocalCommit`). */
function offered(db: Db, textId: string, lastId: bigint): void {
  const table = committing.get(db);
  const key = keyOf(textId, lastId);
  table?.get(key)?.resolve();
  table?.delete(key);
}

/**
 * When event `lastId` of the text is this process's own write, not yet offered: resolves once
 * it was (or after a short while); null when it is not one of ours.
 */
export function localOffer(db: Db, textId: string, lastId: bigint): Promise<void> | null {
  const pending = committing.get(db)?.get(keyOf(textId, lastId));
  if (!pending) return null;
  return Promise.race([
    pending.done,
    new Promise<void>((resolve) => setTimeout(resolve, OFFER_WAIT_MS).unref()),
  ]);
}
