import type { Db, TextEvent } from "@hashiya/db";

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
const listeners = new WeakMap<Db, Map<string, Set<Listener>>>();

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
}
