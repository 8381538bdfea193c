import { type Actor, type CourseStanding, can } from "./actor";

/**
 * Importing annotations into a text of a course (issue 6): its instructors and site admins —
 * the course's texts are theirs to manage (DESIGN "Who may do what": course settings, texts).
 * Moderators and students may not: an import writes threads in other people's names.
 */
export function canImportAnnotations(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "manage_course");
}
