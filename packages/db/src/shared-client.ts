import { createDb, type Db } from "./client";
import { loadDbEnv } from "./env";

// One client per process; kept on globalThis so Next.js hot reload does not open a pool each
// time. The stand-in too: Next.js may load this module more than once in one process (the app
// and pages routers' bundles), and caches keyed by the client must see one object.
const globalForDb = globalThis as unknown as { hashiyaDb?: Db; hashiyaDbProxy?: Db };

globalForDb.hashiyaDbProxy ??= new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.hashiyaDb ??= createDb(loadDbEnv().DATABASE_URL);
    return Reflect.get(globalForDb.hashiyaDb, property);
  },
});

/** The process-wide client for DATABASE_URL, created on first use (so imports never need a database). */
export const db: Db = globalForDb.hashiyaDbProxy;
