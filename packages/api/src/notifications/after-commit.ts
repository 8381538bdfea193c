import type { Db, Prisma } from "@hashiya/db";

type Tx = Prisma.TransactionClient;
type Hook = () => void | Promise<void>;

// The hooks of each open transaction, keyed by its client (a fresh object per transaction).
const pending = new WeakMap<Tx, Hook[]>();
// The database client each open transaction belongs to (see `databaseOf`).
const databases = new WeakMap<Tx, Db>();

/**
 * Runs `command` in one transaction and then, only once it has committed, the hooks that
 * were registered on it with {@link afterCommit} (a rolled-back write sends nothing).
 * Why a wrapper: Prisma has no commit event, and an email about a write that did not happen
 * cannot be taken back.
 */
export async function runTransaction<T>(
  db: Db,
  command: (tx: Tx) => Promise<T>,
  /** Prisma's interactive-transaction limits (a long import needs more than the 5 s default). */
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  const hooks: Hook[] = [];
  const result = await db.$transaction(async (tx) => {
    pending.set(tx, hooks);
    databases.set(tx, db);
    return command(tx);
  }, options);
  for (const hook of hooks) {
    // A failing side effect must not turn a committed write into an error for its author.
    Promise.resolve()
      .then(hook)
      .catch((error) => console.error("[after-commit]", error));
  }
  return result;
}

/**
 * Registers work to do once `tx` commits. The transaction must have been opened with
 * {@link runTransaction} (the write helpers in commands/transaction.ts do); anything else is
 * a programming error, said loudly rather than silently dropping the work.
 */
export function afterCommit(tx: Tx, hook: Hook): void {
  hooksOf(tx).push(hook);
}

/** The client a transaction opened with {@link runTransaction} runs on (null for any other). */
export function databaseOf(tx: Tx): Db | null {
  return databases.get(tx) ?? null;
}

/**
 * Throws unless `tx` was opened with {@link runTransaction}: callers that may register hooks
 * check first, so a wrong transaction fails every time, not only when a hook happens to be due.
 */
export function requireAfterCommit(tx: Tx): void {
  hooksOf(tx);
}

function hooksOf(tx: Tx): Hook[] {
  const hooks = pending.get(tx);
  if (!hooks) {
    throw new Error(
      "afterCommit needs a transaction opened with runTransaction (notifications/after-commit.ts)",
    );
  }
  return hooks;
}
