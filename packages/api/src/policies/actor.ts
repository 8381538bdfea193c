import type { Role } from "@hashiya/db";

/** Who is asking: a signed-in user, or null for an anonymous reader. */
export type Actor = { userId: string; isAdmin: boolean } | null;

/** What an actor is in one course: its role there, or "none" for a non-member. */
export type CourseStanding = Role | "none";

export type CourseAction =
  | "read_public_text"
  | "read_course_text"
  | "annotate"
  | "moderate"
  | "manage_course"
  | "view_dashboard"
  /** See who is in the course, with their roles (staff: moderators mute members from it). */
  | "view_members";

const STAFF: CourseStanding[] = ["instructor", "moderator"];

/**
 * The table "Who may do what" in DESIGN.md, for course-level actions. Every procedure and the
 * collab server ask here; the matrix test checks each cell.
 */
export function can(actor: Actor, standing: CourseStanding, action: CourseAction): boolean {
  if (action === "read_public_text") return true;
  if (!actor) return false;
  if (actor.isAdmin) return true;
  switch (action) {
    case "read_course_text":
    case "annotate":
      return standing !== "none";
    case "moderate":
    case "view_dashboard":
    case "view_members":
      return STAFF.includes(standing);
    case "manage_course":
      return standing === "instructor";
  }
}
