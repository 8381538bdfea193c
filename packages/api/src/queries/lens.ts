import type { Db } from "@hashiya/db";
import { type Actor, type CourseStanding, type DiscussionSettings, isStaff } from "../policies";
import { PLAIN_SETTINGS, type ViewerLens } from "../presenters";
import { sharedRead } from "./shared-read";

type Reader = Pick<Db, "course" | "membership" | "annotation" | "user">;

/** What a course's settings make every viewer's lens depend on, alike for all of them. */
export interface CourseFacts {
  settings: DiscussionSettings;
  staffIds: ReadonlySet<string>;
  aliases: ReadonlyMap<string, number>;
}

const settingsSelect = { preModeration: true, revealAfterPosts: true, namesHidden: true } as const;

/**
 * A course's discussion settings and, when a setting needs them, its staff and its students'
 * aliases: numbered from 1 in the order they joined (ties by id), so a classmate keeps their
 * number as others join. Someone who left the course has no number (0, "former classmate").
 */
export async function loadCourseFacts(
  db: Reader,
  courseId: string,
  known?: DiscussionSettings,
): Promise<CourseFacts> {
  const settings =
    known ??
    (await db.course.findUnique({ where: { id: courseId }, select: settingsSelect })) ??
    PLAIN_SETTINGS;
  if (!settings.namesHidden && settings.revealAfterPosts <= 0) {
    return { settings, staffIds: new Set(), aliases: new Map() };
  }
  const members = await db.membership.findMany({
    where: { courseId },
    select: { userId: true, role: true },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  // Site admins act as staff in every course (DESIGN, "Who may do what"), members or not: their
  // posts are not a classmate's, neither behind "reveal after posting" nor under an alias.
  const admins = await db.user.findMany({
    where: { isAdmin: true, deletedAt: null },
    select: { id: true },
  });
  const staffIds = new Set([
    ...members.filter((m) => m.role !== "student").map((m) => m.userId),
    ...admins.map((admin) => admin.id),
  ]);
  const aliases = new Map<string, number>();
  if (settings.namesHidden) {
    for (const member of members) {
      if (member.role === "student") aliases.set(member.userId, aliases.size + 1);
    }
  }
  return { settings, staffIds, aliases };
}

/**
 * The viewer's own posts on a text that count toward "reveal after posting" — the database
 * form of `countsTowardReveal`: shared, visible (not pending, denied, hidden or removed), kept —
 * as many as the gate asks for.
 */
export async function revealingPosts(
  db: Pick<Db, "annotation">,
  userId: string,
  textId: string,
  required: number,
): Promise<Set<string>> {
  const rows = await db.annotation.findMany({
    where: {
      textId,
      authorId: userId,
      moderationState: "visible",
      deletedAt: null,
      visibility: { not: "private" },
    },
    select: { id: true },
    take: required,
  });
  return new Set(rows.map((row) => row.id));
}

/** The lens through which this viewer sees a text's threads (see `ViewerLens`). */
export async function loadLens(
  db: Reader,
  actor: Actor,
  standing: CourseStanding,
  text: { id: string; courseId: string },
  options: { settings?: DiscussionSettings; facts?: CourseFacts } = {},
): Promise<ViewerLens> {
  const facts = options.facts ?? (await loadCourseFacts(db, text.courseId, options.settings));
  const required = facts.settings.revealAfterPosts;
  const counted =
    required > 0 && actor && !isStaff(actor, standing)
      ? await revealingPosts(db, actor.userId, text.id, required)
      : new Set<string>();
  return { actor, standing, ...facts, counted, posted: counted.size };
}

/**
 * {@link loadCourseFacts}, shared by the live viewers of one course for a short while; none
 * started before `after` (a {@link readMark}) when a viewer was told the course changed.
 */
export function sharedCourseFacts(db: Db, courseId: string, after?: number): Promise<CourseFacts> {
  return sharedRead(db, `course-facts:${courseId}`, () => loadCourseFacts(db, courseId), after);
}
