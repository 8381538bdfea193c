import type { Db } from "@hashiya/db";
import * as Y from "yjs";

/**
 * The `collab_updates` table: every Yjs update of a persisted document, appended as it arrives
 * (the document is the merge of its rows, in any order — Yjs updates commute), and compacted
 * from time to time into one row.
 */

/** Appends one update; resolves once it is committed. */
export async function appendUpdate(db: Db, documentName: string, update: Uint8Array) {
  await db.collabUpdate.create({
    data: { documentName, update: new Uint8Array(update) },
    select: { id: true },
  });
}

/** The document's stored updates, oldest first. */
export async function loadUpdates(db: Db, documentName: string): Promise<Uint8Array[]> {
  const rows = await db.collabUpdate.findMany({
    where: { documentName },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  return rows.map((row) => row.update);
}

export function countUpdates(db: Db, documentName: string): Promise<number> {
  return db.collabUpdate.count({ where: { documentName } });
}

/**
 * Replaces the document's rows by one row holding their merge, in one transaction, and returns
 * how many rows it merged (0 when there was nothing to do).
 *
 * Safe against concurrent appends and compactions: it deletes exactly the rows it read (by id,
 * never by range — a row with a smaller id may commit after the read), and compactions of one
 * document queue on a transaction-scoped advisory lock, so the second one finds a single row.
 */
export async function compactUpdates(db: Db, documentName: string): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`collab:${documentName}`}, 0))`;
    const rows = await tx.collabUpdate.findMany({
      where: { documentName },
      orderBy: { id: "asc" },
      select: { id: true, update: true },
    });
    if (rows.length < 2) return 0;
    const merged = Y.mergeUpdates(rows.map((row) => row.update));
    await tx.collabUpdate.create({
      data: { documentName, update: new Uint8Array(merged) },
      select: { id: true },
    });
    await tx.collabUpdate.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    return rows.length;
  });
}
