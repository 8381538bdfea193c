import { type ModerationDecision, moderationDecisionSchema } from "@hashiya/annotation-schema/w3c";
import type { ModerationRecord } from "@hashiya/annotation-schema/w3c";
import type { Db, Prisma } from "@hashiya/db";
import { EXPORT_BATCH } from "./read";
import type { ExportScope } from "./scope";

// The audit log's decisions on annotations and replies (DESIGN decision 7: part of the export),
// for staff exports only, read in keyset pages like the items.

/** A decision and the text its subject is on (its IRIs live under the text's). */
export interface ModerationEntry {
  textId: string;
  record: ModerationRecord;
}

const decisions = moderationDecisionSchema.options;

function whereFor(scope: ExportScope): Prisma.ModerationActionWhereInput {
  return {
    courseId: scope.courseId,
    textId: { in: scope.texts.map(({ text }) => text.id) },
    kind: { in: [...decisions] },
    OR: [{ annotationId: { not: null } }, { replyId: { not: null } }],
  };
}

/** How many decisions a staff export carries (none for others). */
export function moderationCount(db: Db, scope: ExportScope): Promise<number> {
  if (!scope.staff) return Promise.resolve(0);
  return db.moderationAction.count({ where: whereFor(scope) });
}

/** The decisions, a batch at a time, with their moderators' names (staff know them). */
export async function* moderationBatches(
  db: Db,
  scope: ExportScope,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ModerationEntry[]> {
  if (!scope.staff) return;
  let cursor: string | null = null;
  for (;;) {
    const rows: Prisma.ModerationActionGetPayload<object>[] = await db.moderationAction.findMany({
      where: { AND: [whereFor(scope), cursor ? { id: { gt: cursor } } : {}] },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    cursor = rows[rows.length - 1]?.id ?? null;
    const actors = await db.user.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.actorId))] } },
      select: { id: true, name: true, deletedAt: true },
    });
    const names = new Map(actors.map((a) => [a.id, a.deletedAt ? "" : a.name]));
    yield rows.map((row) => ({
      textId: row.textId as string,
      record: {
        id: row.id,
        actor: { id: row.actorId, name: names.get(row.actorId) ?? "" },
        decision: row.kind as ModerationDecision,
        reason: row.reason,
        createdAt: row.createdAt,
        subject: row.annotationId
          ? { type: "annotation" as const, id: row.annotationId }
          : { type: "reply" as const, id: row.replyId as string },
      },
    }));
    if (rows.length < batchSize) return;
  }
}
