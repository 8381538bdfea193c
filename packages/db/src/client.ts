import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/** A Prisma client on the `pg` driver adapter (no native engine). */
export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  // Pipelined connections: Prisma sends the relation queries of a nested read all at once, and
  // inside a transaction they share its one connection. Without pipelining pg queues them one
  // by one with a deprecation warning (pg 9 refuses them); pipelined, they go out together.
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, pipeline: true });
  return new PrismaClient({ adapter });
}
