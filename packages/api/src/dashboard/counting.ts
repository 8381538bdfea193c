import { Prisma } from "@hashiya/db";

// What counts on the instructor's dashboard. One place, so that the participation table, the
// heat map and the confusion report never disagree.
//
// - Author-deleted items (`deleted_at`) never count: the author took them back.
// - Private items never count, and are never seen: they are their author's alone (DESIGN "Who
//   may do what"), and even a number would tell the staff that they exist.
// - `visible` counts. `hidden` counts too — the student did the work, a moderator only took it
//   out of view — and the participation table says how many of a student's counted posts are
//   hidden, so the instructor sees it marked.
// - `pending` (held by pre-moderation, not yet part of the discussion) and `denied` do not
//   count; the table shows a student's pending posts apart, as work waiting for a moderator.
// - `removed` (a moderator's delete) does not count: the discussion lost it.
// The heat map and the confusion report look at students' work: staff's own annotations
// (often prompts) and reactions are left out, so they do not drown what students did.

/** Moderation states whose items count as participation. */
export const COUNTED_STATES = ["visible", "hidden"] as const;

/** `a` (an annotation) counts, ignoring who wrote it. */
export const annotationCounts = Prisma.sql`a.deleted_at IS NULL
  AND a.visibility <> 'private'
  AND a.moderation_state IN ('visible', 'hidden')`;

/** `r` (a reply, in the thread `a`) counts. Replies follow their thread's visibility. */
export const replyCounts = Prisma.sql`r.deleted_at IS NULL
  AND a.visibility <> 'private'
  AND r.moderation_state IN ('visible', 'hidden')`;

/** The user (a column holding a user id) is not on this course's staff now. */
export function notStaff(courseId: string, userColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM memberships staff
    WHERE staff.course_id = ${courseId} AND staff.user_id = ${userColumn}
      AND staff.role IN ('instructor', 'moderator'))`;
}

/** Words of a plain-text body: runs of non-space characters (Arabic and Latin alike). */
export function wordsOf(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`regexp_count(${column}, '\\S+')`;
}
