// Who is in a course: roles, removal. Every change is announced (after commit) so that the
// person's open sockets and live streams follow it at once.
import type { Db, Role } from "@hashiya/db";
import { type Actor, can, type CourseStanding } from "../policies";
import { appError } from "../trpc";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

/** The members, instructors first, then by name. Emails only for those who manage the course. */
export async function listMembers(
  tx: Pick<Db, "membership">,
  courseId: string,
  withEmails: boolean,
) {
  const rows = await tx.membership.findMany({
    where: { courseId },
    select: {
      role: true,
      createdAt: true,
      mutedUntil: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const order: Record<Role, number> = { instructor: 0, moderator: 1, student: 2 };
  return rows
    .map((row) => ({
      userId: row.user.id,
      name: row.user.name,
      email: withEmails ? row.user.email : null,
      role: row.role,
      joinedAt: row.createdAt,
      mutedUntil: row.mutedUntil && row.mutedUntil > new Date() ? row.mutedUntil : null,
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
}

/** Who may see the members' emails: those who manage the course. */
export function seesEmails(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "manage_course");
}

async function membershipOf(tx: Tx, courseId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { role: true },
  });
  if (!membership) throw appError("NOT_FOUND", "member.not_found");
  return membership;
}

/** Refuses a change that would leave the course without an instructor. */
async function keepAnInstructor(
  tx: Tx,
  courseId: string,
  leaving: { role: Role },
  refusal: "member.last_instructor" | "member.leave_last_instructor" = "member.last_instructor",
) {
  if (leaving.role !== "instructor") return;
  const instructors = await tx.membership.count({ where: { courseId, role: "instructor" } });
  if (instructors <= 1) throw appError("CONFLICT", refusal);
}

export async function setRole(tx: Tx, course: LockedCourse, userId: string, role: Role) {
  const membership = await membershipOf(tx, course.id, userId);
  if (membership.role === role) return { userId, role };
  if (role !== "instructor") await keepAnInstructor(tx, course.id, membership);
  await tx.membership.update({
    where: { courseId_userId: { courseId: course.id, userId } },
    data: { role },
  });
  await announceMembershipChange(tx, course.id, userId);
  return { userId, role };
}

/** Removes a member; their annotations stay (they wrote them as a member), read-only. */
export async function removeMember(tx: Tx, course: LockedCourse, userId: string) {
  const membership = await membershipOf(tx, course.id, userId);
  await keepAnInstructor(tx, course.id, membership);
  await endMembership(tx, course, userId);
  return { userId };
}

/**
 * The caller leaves the course, as if an instructor removed them: an instructor only while
 * another one remains. A muted member stays until the mute ends (leaving and joining again
 * with the course's code would otherwise lift it).
 */
export async function leaveCourse(tx: Tx, course: LockedCourse, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { courseId_userId: { courseId: course.id, userId } },
    select: { role: true, mutedUntil: true },
  });
  if (!membership) throw appError("NOT_FOUND", "member.not_member");
  if (membership.mutedUntil && membership.mutedUntil > new Date()) {
    throw appError("CONFLICT", "member.leave_while_muted");
  }
  await keepAnInstructor(tx, course.id, membership, "member.leave_last_instructor");
  await endMembership(tx, course, userId);
  return { courseId: course.id };
}

/**
 * Ends a membership and announces it (on commit), so the person's open sockets and live
 * streams drop the course at once. Their annotations stay, shown as a former member's.
 */
async function endMembership(tx: Tx, course: LockedCourse, userId: string) {
  await tx.membership.delete({ where: { courseId_userId: { courseId: course.id, userId } } });
  await announceMembershipChange(tx, course.id, userId);
}
