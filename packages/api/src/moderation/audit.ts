import type { AuditEntryView, auditLogInputSchema } from "@hashiya/annotation-schema";
import type { Db, ModerationAction, Prisma } from "@hashiya/db";
import type { z } from "zod";
import { itemKey, loadMembers, loadModeratedItems } from "./items-view";
import {
  flagsSnapshotSchema,
  itemSnapshotSchema,
  lockSnapshotSchema,
  muteSnapshotSchema,
  sameIds,
} from "./snapshots";

type Filters = z.output<typeof auditLogInputSchema>;
type Reader = Pick<Db, "moderationAction" | "annotation" | "reply" | "user" | "flag" | "membership">;

/**
 * A page of a course's audit log, newest first, filtered by kind, actor, the member concerned
 * (an item's author or the muted member), text and date; `nextCursor` continues it. Each entry
 * says whether an undo would apply now.
 */
export async function auditLog(
  db: Reader,
  filters: Filters,
): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  const where: Prisma.ModerationActionWhereInput = {
    courseId: filters.courseId,
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.memberId && { targetUserId: filters.memberId }),
    ...(filters.textId && { textId: filters.textId }),
    ...((filters.from || filters.to) && {
      createdAt: {
        ...(filters.from && { gte: filters.from }),
        ...(filters.to && { lte: filters.to }),
      },
    }),
  };
  const rows = await db.moderationAction.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    ...(filters.cursor && { cursor: { id: filters.cursor }, skip: 1 }),
  });
  const page = rows.slice(0, filters.limit);
  const nextCursor = rows.length > filters.limit ? (page.at(-1)?.id ?? null) : null;
  const present = await presenterFor(db, page);
  return { entries: page.map(present), nextCursor };
}

/** Reads what the entries refer to (items, people, present states), in a few queries. */
async function presenterFor(db: Reader, rows: ModerationAction[]) {
  const keys = rows.flatMap((row) =>
    row.annotationId ? [{ annotationId: row.annotationId, replyId: row.replyId }] : [],
  );
  const lockIds = rows.filter((row) => row.kind === "lock" || row.kind === "unlock");
  const muteRows = rows.filter((row) => row.kind === "mute" || row.kind === "unmute");
  const flagIds = rows
    .filter((row) => row.kind === "keep_flagged" || row.kind === "reopen_flag")
    .flatMap((row) => {
      const before = flagsSnapshotSchema.safeParse(row.before);
      const after = flagsSnapshotSchema.safeParse(row.after);
      return [...(before.data?.openFlagIds ?? []), ...(after.data?.openFlagIds ?? [])];
    });
  const [items, people, locks, mutes, openFlags] = await Promise.all([
    loadModeratedItems(db, keys),
    loadMembers(
      db,
      rows.flatMap((row) => [row.actorId, ...(row.targetUserId ? [row.targetUserId] : [])]),
    ),
    lockIds.length
      ? db.annotation.findMany({
          where: { id: { in: lockIds.flatMap((row) => row.annotationId ?? []) } },
          select: { id: true, lockedAt: true },
        })
      : [],
    muteRows.length
      ? db.membership.findMany({
          where: {
            courseId: muteRows[0]?.courseId,
            userId: { in: muteRows.flatMap((row) => row.targetUserId ?? []) },
          },
          select: { userId: true, mutedUntil: true },
        })
      : [],
    flagIds.length
      ? db.flag.findMany({ where: { id: { in: flagIds }, resolvedAt: null }, select: { id: true } })
      : [],
  ]);
  const lockedNow = new Map(locks.map((row) => [row.id, row.lockedAt !== null]));
  const mutedNow = new Map(mutes.map((row) => [row.userId, row.mutedUntil?.toISOString() ?? null]));
  const openNow = new Set(openFlags.map((flag) => flag.id));

  /** Whether the present is still the action's `after` (what an undo checks again). */
  const stillAfter = (row: ModerationAction): boolean => {
    switch (row.kind) {
      case "lock":
      case "unlock": {
        const after = lockSnapshotSchema.safeParse(row.after);
        return after.success && lockedNow.get(row.annotationId ?? "") === after.data.locked;
      }
      case "mute":
      case "unmute": {
        const after = muteSnapshotSchema.safeParse(row.after);
        const now = mutedNow.get(row.targetUserId ?? "");
        return after.success && now !== undefined && now === after.data.mutedUntil;
      }
      case "keep_flagged":
      case "reopen_flag": {
        const before = flagsSnapshotSchema.safeParse(row.before);
        const after = flagsSnapshotSchema.safeParse(row.after);
        if (!before.success || !after.success) return false;
        const ids = [...before.data.openFlagIds, ...after.data.openFlagIds];
        return sameIds(
          ids.filter((id) => openNow.has(id)),
          after.data.openFlagIds,
        );
      }
      default: {
        const after = itemSnapshotSchema.safeParse(row.after);
        const item = row.annotationId
          ? items.get(itemKey({ annotationId: row.annotationId, replyId: row.replyId }))
          : undefined;
        return (
          after.success &&
          item !== undefined &&
          !item.deleted &&
          item.state === after.data.state &&
          item.reason === after.data.reason
        );
      }
    }
  };

  return (row: ModerationAction): AuditEntryView => ({
    id: row.id,
    kind: row.kind,
    actor: people.get(row.actorId) ?? { id: row.actorId, name: "" },
    createdAt: row.createdAt,
    reason: row.reason,
    item: row.annotationId
      ? (items.get(itemKey({ annotationId: row.annotationId, replyId: row.replyId })) ?? null)
      : null,
    member: row.targetUserId
      ? (people.get(row.targetUserId) ?? { id: row.targetUserId, name: "" })
      : null,
    before: row.before,
    after: row.after,
    undoesId: row.undoesId,
    undoneAt: row.undoneAt,
    undoable: row.undoneAt === null && stillAfter(row),
  });
}
