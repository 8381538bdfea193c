export { createDb, type Db } from "./client";
export { loadDbEnv } from "./env";
export { db } from "./shared-client";
export * from "./generated/prisma/client";
