import type { Db } from "@hashiya/db";
import { processWide } from "../process-wide";

/** What a session's claims are checked against: sessions outlive changes to the account. */
export interface AccountState {
  /** The account was deleted: its sessions count as signed out. */
  closed: boolean;
  isAdmin: boolean;
}

/** How long an answer is reused; another process's change takes effect within it. */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { state: AccountState; at: number; pending?: Promise<AccountState> };
// Process-wide: Next.js may load this module more than once in one process.
const cache = processWide("accounts/account-state", () => new Map<string, Entry>());

/**
 * The account's current state, read at most every few seconds per user and process. Sessions
 * are JWTs that say "admin" or "signed in" until they expire; this is what makes deleting an
 * account end its sessions and taking admin away take effect without waiting for that.
 */
export async function accountState(db: Pick<Db, "user">, userId: string): Promise<AccountState> {
  const known = cache.get(userId);
  if (known && Date.now() - known.at < TTL_MS) return known.pending ?? known.state;
  const pending = db.user
    .findUnique({ where: { id: userId }, select: { deletedAt: true, isAdmin: true } })
    .then((row) => ({ closed: !row || row.deletedAt !== null, isAdmin: row?.isAdmin === true }));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(userId, { state: { closed: false, isAdmin: false }, at: Date.now(), pending });
  try {
    const state = await pending;
    cache.set(userId, { state, at: Date.now() });
    return state;
  } catch (error) {
    cache.delete(userId);
    throw error;
  }
}

/** Forgets what is known of an account (this process changed it: the next call reads it). */
export function forgetAccountState(userId: string): void {
  cache.delete(userId);
}
