import { ANNO_CONTEXT, type W3cAnnotation } from "@hashiya/annotation-schema/w3c";
import type { Db, Prisma } from "@hashiya/db";
import { exportItemToW3c } from "../export/formats/w3c";
import { threadItems } from "../export/items";
import { presentThread, threadSelect } from "../presenters";
import { visibleWhere } from "../queries/threads";
import { etagOf } from "./etag";
import type { ProtocolScope } from "./scope";

// The annotations of a text's container, as the caller may see them: the lens decides (private,
// instructors-only, held, "reveal after posting"), then the exporter's rules (DESIGN
// "Deleting": nothing an author deleted; moderator-hidden or removed ones for staff only), and
// the exporter's mapping, so that an exported annotation and the protocol's are the same.

const rowSelect = { ...threadSelect, updatedAt: true } as const;
type Row = Prisma.AnnotationGetPayload<{ select: typeof rowSelect }>;

/** One annotation as served: its W3C form and its ETag. */
export interface ServedAnnotation {
  id: string;
  document: W3cAnnotation;
  etag: string;
  updatedAt: Date;
}

/** The database side of what the container lists for this caller (the presenter re-checks). */
function listedWhere(scope: ProtocolScope): Prisma.AnnotationWhereInput {
  const all: Prisma.AnnotationWhereInput[] = [
    { textId: scope.text.id },
    visibleWhere(scope.lens),
    { deletedAt: null },
  ];
  if (!scope.staff) all.push({ moderationState: { notIn: ["hidden", "removed"] } });
  return { AND: all };
}

function serve(scope: ProtocolScope, row: Row, baseUrl: string, codePoints: string[]) {
  const view = presentThread(row, scope.lens);
  if (!view) return null;
  const exportText = { ...scope.text, codePoints };
  const options = { staff: scope.staff, ownerId: null, roles: new Map<string, string>() };
  const item = threadItems(view, exportText, options).find((i) => i.kind === "annotation");
  // A placeholder (withheld from this caller) has no words to serve.
  if (!item || (item.moderation?.withheld ?? false)) return null;
  const embedded = exportItemToW3c(item, baseUrl, scope.text);
  const document = { "@context": ANNO_CONTEXT, ...embedded } as W3cAnnotation;
  const etag = etagOf(row.updatedAt.toISOString(), JSON.stringify(document));
  return { id: row.id, document, etag, updatedAt: row.updatedAt };
}

/** One annotation of the text as the caller may see it, or null (missing or not theirs). */
export async function findAnnotation(
  db: Db,
  scope: ProtocolScope,
  annotationId: string,
  baseUrl: string,
): Promise<ServedAnnotation | null> {
  const row = await db.annotation.findFirst({
    where: { AND: [{ id: annotationId }, listedWhere(scope)] },
    select: rowSelect,
  });
  return row ? serve(scope, row, baseUrl, Array.from(scope.text.body)) : null;
}

/** How many annotations the container lists for the caller, and when the last one changed. */
export async function containerSummary(
  db: Db,
  scope: ProtocolScope,
): Promise<{ total: number; modified: Date | null }> {
  const { _count, _max } = await db.annotation.aggregate({
    where: listedWhere(scope),
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return { total: _count._all, modified: _max.updatedAt };
}

/** One page of the container, oldest first (creation order, then id, never reshuffled). */
export async function annotationPage(
  db: Db,
  scope: ProtocolScope,
  options: { page: number; pageSize: number; baseUrl: string },
): Promise<ServedAnnotation[]> {
  const rows = await db.annotation.findMany({
    where: listedWhere(scope),
    select: rowSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: options.page * options.pageSize,
    take: options.pageSize,
  });
  const codePoints = Array.from(scope.text.body);
  return rows.flatMap((row) => serve(scope, row, options.baseUrl, codePoints) ?? []);
}
