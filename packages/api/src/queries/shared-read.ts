// Live streams refresh what they know of a text now and then; the viewers asking for the same
// thing share one read for a short while instead of each querying the database.
const KEEP_MS = 2_000;

interface Shared {
  /** When the read started, on the `readsStarted` count. */
  started: number;
  read: Promise<unknown>;
}

const reads = new WeakMap<object, Map<string, Shared>>();
let readsStarted = 0;

/** A mark to pass to {@link sharedRead} as `after`: only reads started later will do. */
export function readMark(): number {
  return readsStarted;
}

/**
 * `load()`, shared by every caller with the same `db` and `key` until two seconds after it
 * settled (a failed read is forgotten at once, so the next caller tries again). A caller that
 * learnt of a change passes the `readMark()` taken then as `after`, and never gets a read
 * started before it; the callers told of the same change still share one.
 */
export function sharedRead<T>(
  db: object,
  key: string,
  load: () => Promise<T>,
  after = -1,
): Promise<T> {
  let table = reads.get(db);
  if (!table) {
    table = new Map();
    reads.set(db, table);
  }
  const known = table.get(key);
  if (known && known.started > after) return known.read as Promise<T>;
  const entry: Shared = { started: ++readsStarted, read: load() };
  table.set(key, entry);
  const forget = () => {
    if (table.get(key) === entry) table.delete(key);
  };
  entry.read.then(() => setTimeout(forget, KEEP_MS).unref(), forget);
  return entry.read as Promise<T>;
}
