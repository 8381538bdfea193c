import type { ThreadView } from "@hashiya/annotation-schema";
import type { Db, Prisma } from "@hashiya/db";
import { type Actor, type CourseStanding, canSeeThread, isStaff } from "../policies";
import {
  isRevealed,
  presentThread,
  revealsAuthor,
  showsThread,
  type ThreadRow,
  threadSelect,
  type ViewerLens,
} from "../presenters";
import { loadLens } from "./lens";

type Reader = Pick<Db, "annotation">;
type LensReader = Pick<Db, "annotation" | "course" | "membership" | "text" | "user">;

/**
 * The database-side prefilter for the threads a viewer may see in a text, mirroring
 * `canSeeThread` and "reveal after posting" (the presenter still checks every row: the policy
 * stays the single source).
 */
export function visibleWhere(lens: ViewerLens): Prisma.AnnotationWhereInput {
  const { actor, standing } = lens;
  const staff = isStaff(actor, standing);
  const anyOf: Prisma.AnnotationWhereInput[] = [{ visibility: "course" }];
  if (actor) {
    anyOf.push({ authorId: actor.userId, visibility: { in: ["private", "instructors"] } });
    if (staff) anyOf.push({ visibility: "instructors" });
  }
  const all: Prisma.AnnotationWhereInput[] = [
    // Deleted threads stay in view only as tombstones with replies.
    { OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] },
  ];
  if (!staff) {
    // Held (pending, denied) threads are their author's only, among non-staff.
    const held: Prisma.AnnotationWhereInput = { moderationState: { in: ["pending", "denied"] } };
    all.push(actor ? { OR: [{ NOT: held }, { authorId: actor.userId }] } : { NOT: held });
    // A thread a moderator removed is a tombstone for them: kept while replies hang on it.
    const kept: Prisma.AnnotationWhereInput[] = [
      { moderationState: { not: "removed" } },
      { replies: { some: { deletedAt: null } } },
    ];
    if (actor) kept.push({ authorId: actor.userId });
    all.push({ OR: kept });
  }
  if (!isRevealed(lens)) {
    const authors = [...lens.staffIds, ...(actor ? [actor.userId] : [])];
    all.push({ authorId: { in: authors } });
  }
  return { OR: anyOf, AND: all };
}

const readingOrder = [
  { start: "asc" },
  { end: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.AnnotationOrderByWithRelationInput[];

/** Every thread of a text the viewer may see, in reading order, as they may see it. */
export async function listThreads(
  db: Reader,
  lens: ViewerLens,
  textId: string,
): Promise<ThreadView[]> {
  const rows = await db.annotation.findMany({
    where: { textId, ...visibleWhere(lens) },
    select: threadSelect,
    orderBy: [...readingOrder],
  });
  return rows.flatMap((row) => {
    const view = presentThread(row, lens);
    return view ? [view] : [];
  });
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
  lens: ViewerLens,
  textId: string,
): Promise<ThreadAnchor[]> {
  const rows = await db.annotation.findMany({
    where: { textId, anchorState: { not: "orphaned" }, ...visibleWhere(lens) },
    select: {
      id: true,
      start: true,
      end: true,
      visibility: true,
      authorId: true,
      moderationState: true,
    },
    orderBy: [...readingOrder],
  });
  return rows.flatMap(({ id, start, end, ...access }) =>
    canSeeThread(lens.actor, lens.standing, access) && revealsAuthor(lens, access.authorId)
      ? [{ id, start, end }]
      : [],
  );
}

/** A write's answer: the thread as the writer now sees it, and the last event it appended. */
export async function threadOutcome(
  db: LensReader,
  actor: Actor,
  standing: CourseStanding,
  outcome: { annotationId: string; eventId: string },
): Promise<{ thread: ThreadView | null; eventId: string }> {
  const row = await loadThreadRow(db, outcome.annotationId);
  if (!row) return { thread: null, eventId: outcome.eventId };
  const lens = await lensForText(db, actor, standing, row.textId);
  return { thread: viewOfThread(row, lens), eventId: outcome.eventId };
}

/** The viewer's lens on a text, when only the text's id is at hand. */
export async function lensForText(
  db: LensReader,
  actor: Actor,
  standing: CourseStanding,
  textId: string,
): Promise<ViewerLens> {
  const text = await db.text.findUniqueOrThrow({
    where: { id: textId },
    select: {
      courseId: true,
      course: { select: { preModeration: true, revealAfterPosts: true, namesHidden: true } },
    },
  });
  const { course, courseId } = text;
  return loadLens(db, actor, standing, { id: textId, courseId }, { settings: course });
}

/** The stored thread, for presenting to one or many viewers. */
export function loadThreadRow(db: Reader, annotationId: string): Promise<ThreadRow | null> {
  return db.annotation.findUnique({ where: { id: annotationId }, select: threadSelect });
}

/** A stored thread as one viewer may see it now, or null (gone, or not theirs to see). */
export function viewOfThread(row: ThreadRow | null, lens: ViewerLens): ThreadView | null {
  if (!row || !showsThread(row, lens)) return null;
  return presentThread(row, lens);
}
