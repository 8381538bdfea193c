import { PreparedText } from "@hashiya/text-model";
import type { Tx } from "./transaction";

// A text's body never changes within a version (an edit of the text makes a new version), so
// its prepared form is kept per (id, version): a create reads and indexes a long body once per
// process instead of on every write, under the text's lock. Measured (P2): the body's transfer,
// offset map and the garbage they left were most of a create's CPU on a 10,000-word text.
const CAPACITY = 32;
const cache = new Map<string, PreparedText>();

/** The canonical text of this version of a text, prepared for describing ranges. */
export async function preparedTextOf(
  tx: Tx,
  text: { id: string; version: number },
): Promise<PreparedText> {
  const key = `${text.id}@${text.version}`;
  const known = cache.get(key);
  if (known) {
    // Most recently used last, so the oldest entry is the first to go.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const [row] = await tx.$queryRaw<{ body: string }[]>`
    SELECT body FROM texts WHERE id = ${text.id} AND version = ${text.version}`;
  if (!row) throw new Error(`text ${text.id} has no version ${text.version}`);
  const prepared = new PreparedText(row.body);
  if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value as string);
  cache.set(key, prepared);
  return prepared;
}
