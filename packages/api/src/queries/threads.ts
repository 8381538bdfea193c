import type { ThreadView } from "@hashiya/annotation-schema";
import type { Db, Prisma } from "@hashiya/db";
import { type Actor, type CourseStanding, canSeeThread } from "../policies";
import { presentThread, type ThreadRow, threadSelect } from "../presenters";

type Reader = Pick<Db, "annotation">;

/**
 * The database-side prefilter for the threads a viewer may see in a text, mirroring
 * `canSeeThread` (which still checks every row: the policy stays the single source).
 */
export function visibleWhere(actor: Actor, standing: CourseStanding): Prisma.AnnotationWhereInput {
  const staff =
    actor !== null && (actor.isAdmin || standing === "instructor" || standing === "moderator");
  const anyOf: Prisma.AnnotationWhereInput[] = [{ visibility: "course" }];
  if (actor) {
    anyOf.push({ authorId: actor.userId, visibility: { in: ["private", "instructors"] } });
    if (staff) anyOf.push({ visibility: "instructors" });
  }
  return {
    OR: anyOf,
    // Deleted threads stay in view only as tombstones with replies.
    AND: [{ OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] }],
  };
}

function presentFor(actor: Actor, standing: CourseStanding, rows: ThreadRow[]): ThreadView[] {
  return rows.flatMap((row) => {
    if (!canSeeThread(actor, standing, row)) return [];
    const view = presentThread(row, actor?.userId ?? null);
    return view ? [view] : [];
  });
}

/** Every thread of a text the viewer may see, in reading order. */
export async function listThreads(
  db: Reader,
  actor: Actor,
  standing: CourseStanding,
  textId: string,
): Promise<ThreadView[]> {
  const rows = await db.annotation.findMany({
    where: { textId, ...visibleWhere(actor, standing) },
    select: threadSelect,
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return presentFor(actor, standing, rows);
}

/** Where one visible thread's passage is: enough to paint it before its body is needed. */
export interface ThreadAnchor {
  id: string;
  start: number;
  end: number;
}

/**
 * The passages of every thread the viewer may see that has one (orphans have none), in
 * reading order: what a reader paints first. A few columns of one table, so a text with
 * thousands of threads answers at once; `listThreads` brings the bodies.
 */
export async function listAnchors(
  db: Reader,
  actor: Actor,
  standing: CourseStanding,
  textId: string,
): Promise<ThreadAnchor[]> {
  const rows = await db.annotation.findMany({
    where: { textId, anchorState: { not: "orphaned" }, ...visibleWhere(actor, standing) },
    select: { id: true, start: true, end: true, visibility: true, authorId: true },
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.flatMap(({ id, start, end, ...access }) =>
    canSeeThread(actor, standing, access) ? [{ id, start, end }] : [],
  );
}

/** A write's answer: the thread as the writer now sees it, and the last event it appended. */
export async function threadOutcome(
  db: Reader,
  actor: Actor,
  standing: CourseStanding,
  outcome: { annotationId: string; eventId: string },
): Promise<{ thread: ThreadView | null; eventId: string }> {
  const row = await loadThreadRow(db, outcome.annotationId);
  return { thread: viewOfThread(row, actor, standing), eventId: outcome.eventId };
}

/** The stored thread, for presenting to one or many viewers. */
export function loadThreadRow(db: Reader, annotationId: string): Promise<ThreadRow | null> {
  return db.annotation.findUnique({ where: { id: annotationId }, select: threadSelect });
}

/** A stored thread as one viewer may see it now, or null (gone, or not theirs to see). */
export function viewOfThread(
  row: ThreadRow | null,
  actor: Actor,
  standing: CourseStanding,
): ThreadView | null {
  if (!row || !canSeeThread(actor, standing, row)) return null;
  return presentThread(row, actor?.userId ?? null);
}
