import { randomBytes } from "node:crypto";

/**
 * A new row id for rows written with raw SQL (Prisma makes the others' cuids itself):
 * cuid-like (a letter, the time in base 36, then randomness), sortable by time.
 */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}
