export { createDb, type Db } from "./client";
export { db } from "./shared-client";
export * from "./generated/prisma/client";
