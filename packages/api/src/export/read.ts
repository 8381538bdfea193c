import type { Db, Prisma } from "@hashiya/db";
import { presentThread, type ThreadRow, threadSelect } from "../presenters";
import { visibleWhere } from "../queries/threads";
import { type ExportItem, threadItems } from "./items";
import type { ExportScope } from "./scope";

// The database read of an export: keyset pages (never OFFSET, never the whole table), so an
// export of any size holds one batch of rows at a time.

export const EXPORT_BATCH = 500;

// What an export reads of a thread: the presenters' columns, without the text's due date (its
// "after the due date" marks are not exported; one query less per batch).
const { text: _dueDate, ...exportSelect } = threadSelect;
const NO_DUE_DATE = { dueAt: null };
type ExportRow = Prisma.AnnotationGetPayload<{ select: typeof exportSelect }>;

/** Rows in id order (machine formats) or in reading order (the printable reader). */
export type ExportOrder = "id" | "reading";

function whereFor(scope: ExportScope, entry: ExportScope["texts"][number]) {
  const all: Prisma.AnnotationWhereInput[] = [{ textId: entry.text.id }, visibleWhere(entry.lens)];
  // Non-staff: threads they opened or replied in (the rows are filtered to their own after).
  if (scope.ownerId)
    all.push({
      OR: [
        { authorId: scope.ownerId },
        { replies: { some: { authorId: scope.ownerId, deletedAt: null } } },
      ],
    });
  return all;
}

type Cursor = { id: string; start: number };

function after(cursor: Cursor | null, order: ExportOrder): Prisma.AnnotationWhereInput {
  if (!cursor) return {};
  if (order === "id") return { id: { gt: cursor.id } };
  return {
    OR: [{ start: { gt: cursor.start } }, { start: cursor.start, id: { gt: cursor.id } }],
  };
}

/**
 * Every `take`-th id of a text's annotations, ascending: the ends of id pages, from one sorted
 * pass. A page between two of them is a bounded range whatever plan PostgreSQL picks; `id >
 * cursor LIMIT n` alone is planned as "all the rest, sorted" when the table's statistics are
 * stale (right after a bulk insert), which made each page cost the rest of the text: quadratic.
 */
async function idPageEnds(db: Db, textId: string, take: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT id, row_number() OVER (ORDER BY id) AS n FROM annotations WHERE text_id = ${textId}
    ) AS numbered
    WHERE n % ${take} = 0
    ORDER BY id`;
  return rows.map((row) => row.id);
}

/** The export's items, one batch of threads at a time, text after text. */
export async function* exportBatches(
  db: Db,
  scope: ExportScope,
  options: { order?: ExportOrder; batchSize?: number } = {},
): AsyncGenerator<ExportItem[]> {
  const order = options.order ?? "id";
  const take = options.batchSize ?? EXPORT_BATCH;
  for (const entry of scope.texts) {
    const where = whereFor(scope, entry);
    // In id order, pages end at known ids (the last page, and annotations added meanwhile, are
    // read on by keyset as before).
    const ends = order === "id" ? await idPageEnds(db, entry.text.id, take) : [];
    const readPage = (cursor: Cursor | null, end: string | undefined): Promise<ExportRow[]> =>
      db.annotation.findMany({
        where: {
          AND: [...where, after(cursor, order), end === undefined ? {} : { id: { lte: end } }],
        },
        select: exportSelect,
        orderBy: order === "id" ? [{ id: "asc" }] : [{ start: "asc" }, { id: "asc" }],
        take,
      });
    let page = 0;
    let cursor: Cursor | null = null;
    let end = ends[0];
    let pending: Promise<ExportRow[]> | null = readPage(cursor, end);
    while (pending) {
      const rows: ExportRow[] = await pending;
      const last = rows.at(-1);
      let more = true;
      if (end !== undefined && (rows.length < take || last?.id === end)) {
        // This page's range is read: the next one starts after its end.
        cursor = { id: end, start: 0 };
        page++;
      } else if (!last) more = false;
      else cursor = { id: last.id, start: last.start };
      if (end === undefined && rows.length < take) more = false;
      end = ends[page];
      // The next page is read while this one is presented and written (the database works on
      // one core while this process works on the other); at most one page waits in memory.
      pending = more ? readPage(cursor, end) : null;
      // A consumer that stops early leaves it unawaited: its failure then matters to no one.
      pending?.catch(() => {});
      const items: ExportItem[] = [];
      for (const read of rows) {
        const row: ThreadRow = Object.assign(read, { text: NO_DUE_DATE });
        // The export's formats render bodies themselves (W3C: its own HTML; the rest: text).
        const view = presentThread(row, entry.lens, { html: false });
        if (view)
          items.push(
            ...threadItems(view, entry.text, {
              staff: scope.staff,
              ownerId: scope.ownerId,
              roles: scope.roles,
            }),
          );
      }
      if (items.length > 0) yield items;
    }
  }
}

/**
 * How many items the export will hold at most (threads and replies that pass the database's
 * prefilter), sent first so a client can show progress; the presenters may drop a few more.
 */
export async function exportCount(db: Db, scope: ExportScope): Promise<number> {
  let total = 0;
  for (const entry of scope.texts) {
    const where: Prisma.AnnotationWhereInput = { AND: whereFor(scope, entry) };
    const [threads, replies] = await Promise.all([
      db.annotation.count({
        where: { AND: [where, { deletedAt: null }, ownFilter(scope)] },
      }),
      db.reply.count({
        where: {
          deletedAt: null,
          annotation: where,
          ...(scope.ownerId ? { authorId: scope.ownerId, moderationState: MODERATED_AWAY } : {}),
        },
      }),
    ]);
    total += threads + replies;
  }
  return total;
}

// Non-staff exports leave out their own items a moderator hid or removed (DESIGN "Deleting").
const MODERATED_AWAY = { notIn: ["hidden", "removed"] } as Prisma.EnumModerationStateFilter;

const ownFilter = (scope: ExportScope): Prisma.AnnotationWhereInput =>
  scope.ownerId ? { authorId: scope.ownerId, moderationState: MODERATED_AWAY } : {};

/**
 * The printable reader's numbers: every thread in the export, numbered in reading order across
 * the texts, with the passages of those that have one (orphans are numbered but unmarked).
 * A few columns per thread, read in keyset pages like the items.
 */
export async function exportNumbering(db: Db, scope: ExportScope) {
  const numbers = new Map<string, number>();
  const anchors = new Map<string, { number: number; start: number; end: number }[]>();
  for (const entry of scope.texts) {
    const list: { number: number; start: number; end: number }[] = [];
    let cursor: Cursor | null = null;
    for (;;) {
      const rows: { id: string; start: number; end: number; anchorState: string }[] =
        await db.annotation.findMany({
          where: { AND: [...whereFor(scope, entry), after(cursor, "reading")] },
          select: { id: true, start: true, end: true, anchorState: true },
          orderBy: [{ start: "asc" }, { id: "asc" }],
          take: EXPORT_BATCH * 10,
        });
      for (const row of rows) {
        const number = numbers.size + 1;
        numbers.set(row.id, number);
        if (row.anchorState !== "orphaned") list.push({ number, start: row.start, end: row.end });
      }
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH * 10) break;
      cursor = { id: last.id, start: last.start };
    }
    anchors.set(entry.text.id, list);
  }
  return { numbers, anchors };
}
