import type { Db } from "@hashiya/db";
import { type Actor, type CourseStanding, can, canReadText, courseStanding } from "../policies";
import type { ViewerLens } from "../presenters";
import { loadCourseFacts, loadLens } from "../queries/lens";
import type { ExportText } from "./items";

// Who may export what (DESIGN "Who may do what": dashboard, export — staff; export of own
// work — any signed-in reader). Staff export what they may see; others only their own work.

export interface ExportScope {
  kind: "text" | "course";
  id: string;
  title: string;
  courseId: string;
  /** Staff of the course (or an admin): the whole discussion as they may see it. */
  staff: boolean;
  /** Non-staff export only their own annotations and replies. */
  ownerId: string | null;
  texts: { text: ExportText; lens: ViewerLens }[];
  /** Course role of each member, by user id. */
  roles: ReadonlyMap<string, string>;
}

const textSelect = {
  id: true,
  title: true,
  language: true,
  direction: true,
  body: true,
  isPublic: true,
  courseId: true,
} as const;

async function scopeOf(
  db: Db,
  actor: NonNullable<Actor>,
  standing: CourseStanding,
  target: { kind: "text" | "course"; id: string; title: string; courseId: string },
  texts: { id: string; title: string; language: string; direction: "rtl" | "ltr"; body: string }[],
): Promise<ExportScope> {
  const staff = can(actor, standing, "moderate");
  const facts = await loadCourseFacts(db, target.courseId);
  const members = await db.membership.findMany({
    where: { courseId: target.courseId },
    select: { userId: true, role: true },
  });
  const withLens = [];
  for (const text of texts) {
    const lens = await loadLens(
      db,
      actor,
      standing,
      { id: text.id, courseId: target.courseId },
      {
        facts,
      },
    );
    withLens.push({ text: { ...text, codePoints: Array.from(text.body) }, lens });
  }
  return {
    ...target,
    staff,
    ownerId: staff ? null : actor.userId,
    texts: withLens,
    roles: new Map(members.map((m) => [m.userId, m.role])),
  };
}

/**
 * The export of one text, or null when the actor may not have it (signed out, or the text is
 * not theirs to read: indistinguishable from a missing text, so no probing for ids).
 */
export async function textExportScope(
  db: Db,
  actor: Actor,
  textId: string,
): Promise<ExportScope | null> {
  if (!actor) return null;
  const text = await db.text.findUnique({ where: { id: textId }, select: textSelect });
  if (!text) return null;
  const standing = await courseStanding(db, actor, text.courseId);
  if (!canReadText(actor, standing, text)) return null;
  return scopeOf(
    db,
    actor,
    standing,
    { kind: "text", id: text.id, title: text.title, courseId: text.courseId },
    [text],
  );
}

/** The export of a course's texts the actor may read, or null (see `textExportScope`). */
export async function courseExportScope(
  db: Db,
  actor: Actor,
  courseId: string,
): Promise<ExportScope | null> {
  if (!actor) return null;
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true },
  });
  if (!course) return null;
  const standing = await courseStanding(db, actor, course.id);
  const texts = await db.text.findMany({
    where: { courseId },
    select: textSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const readable = texts.filter((text) => canReadText(actor, standing, text));
  if (readable.length === 0 && !can(actor, standing, "read_course_text")) return null;
  return scopeOf(
    db,
    actor,
    standing,
    { kind: "course", id: course.id, title: course.title, courseId: course.id },
    readable,
  );
}
