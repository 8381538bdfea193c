import { createDb, type Db } from "./client";
import { loadDbEnv } from "./env";

// One client per process; kept on globalThis so Next.js hot reload does not open a pool each time.
const globalForDb = globalThis as unknown as { hashiyaDb?: Db };

/** The process-wide client for DATABASE_URL, created on first use (so imports never need a database). */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.hashiyaDb ??= createDb(loadDbEnv().DATABASE_URL);
    return Reflect.get(globalForDb.hashiyaDb, property);
  },
});
