// Invite links and join codes: made by instructors, revocable, optionally expiring.
import type { Db, Prisma, Role } from "@hashiya/db";
import { appError } from "../trpc";
import { formatJoinCode, newInviteToken, newJoinCode, normaliseJoinCode } from "./join-code";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

const HOUR_MS = 60 * 60 * 1000;
const MAX_LIFETIME_MS = 366 * 24 * HOUR_MS;

export type InviteStatus = "active" | "expired" | "revoked";

export function inviteStatus(
  invite: { expiresAt: Date | null; revokedAt: Date | null },
  now = new Date(),
): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt && invite.expiresAt <= now) return "expired";
  return "active";
}

const inviteSelect = {
  id: true,
  token: true,
  code: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  uses: true,
} as const satisfies Prisma.CourseInviteSelect;

type InviteRow = Prisma.CourseInviteGetPayload<{ select: typeof inviteSelect }>;

/** An invite as its course's instructors see it: the link's token and the code to read out. */
export function presentInvite(row: InviteRow, now = new Date()) {
  return { ...row, code: formatJoinCode(row.code), status: inviteStatus(row, now) };
}

/**
 * A new invite. The code is short, so it may collide with an existing one: drawn again then
 * (with 30^8 codes, a few tries are plenty).
 */
export async function createInvite(
  tx: Tx,
  course: LockedCourse,
  createdById: string,
  options: { role: Role; expiresAt: Date | null },
) {
  const now = Date.now();
  const { expiresAt } = options;
  if (
    expiresAt &&
    (expiresAt.getTime() < now + HOUR_MS / 60 || expiresAt.getTime() > now + MAX_LIFETIME_MS)
  ) {
    throw appError("BAD_REQUEST", "invite.expiry_invalid");
  }
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode();
    const taken = await tx.courseInvite.findUnique({ where: { code }, select: { id: true } });
    if (taken && attempt < 5) continue;
    const row = await tx.courseInvite.create({
      data: {
        courseId: course.id,
        token: newInviteToken(),
        code,
        role: options.role,
        createdById,
        expiresAt,
      },
      select: inviteSelect,
    });
    return presentInvite(row);
  }
}

export async function listInvites(tx: Pick<Db, "courseInvite">, courseId: string) {
  const rows = await tx.courseInvite.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: inviteSelect,
  });
  const now = new Date();
  return rows.map((row) => presentInvite(row, now));
}

export async function revokeInvite(tx: Tx, course: LockedCourse, inviteId: string) {
  const invite = await tx.courseInvite.findFirst({
    where: { id: inviteId, courseId: course.id },
    select: { id: true, revokedAt: true },
  });
  if (!invite) throw appError("NOT_FOUND", "not_found");
  const row = await tx.courseInvite.update({
    where: { id: invite.id },
    data: { revokedAt: invite.revokedAt ?? new Date() },
    select: inviteSelect,
  });
  return presentInvite(row);
}

export type InviteKey = { token: string } | { code: string };

async function findInvite(db: Pick<Db, "courseInvite">, key: InviteKey) {
  let where: Prisma.CourseInviteWhereUniqueInput;
  if ("token" in key) where = { token: key.token };
  else {
    const code = normaliseJoinCode(key.code);
    if (!code) throw appError("BAD_REQUEST", "invite.code_format");
    where = { code };
  }
  const invite = await db.courseInvite.findUnique({
    where,
    select: {
      id: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      course: { select: { id: true, title: true, archivedAt: true } },
    },
  });
  if (!invite) throw appError("NOT_FOUND", "invite.invalid");
  return invite;
}

/**
 * What the join page shows before anyone joins: the course's title and the role the invite
 * gives, whether it can still be used, and whether the viewer is already in the course.
 */
export async function previewInvite(db: Db, key: InviteKey, userId: string | null) {
  const invite = await findInvite(db, key);
  const membership = userId
    ? await db.membership.findUnique({
        where: { courseId_userId: { courseId: invite.course.id, userId } },
        select: { role: true },
      })
    : null;
  return {
    course: { id: invite.course.id, title: invite.course.title },
    role: invite.role,
    status: invite.course.archivedAt ? ("archived" as const) : inviteStatus(invite),
    memberRole: membership?.role ?? null,
  };
}

/**
 * Joins the invite's course with its role. Someone already in the course keeps the role they
 * have (an invite never demotes, nor promotes without an instructor's say).
 */
export async function joinWithInvite(db: Db, userId: string, key: InviteKey) {
  const invite = await findInvite(db, key);
  const status = inviteStatus(invite);
  if (status === "revoked") throw appError("FORBIDDEN", "invite.revoked");
  if (status === "expired") throw appError("FORBIDDEN", "invite.expired");
  if (invite.course.archivedAt) throw appError("FORBIDDEN", "course.archived");
  const courseId = invite.course.id;
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: someone already in (or joining at the same moment from another
    // tab) keeps their membership, and the transaction stays usable.
    const { count } = await tx.membership.createMany({
      data: [{ courseId, userId, role: invite.role }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const existing = await tx.membership.findUniqueOrThrow({
        where: { courseId_userId: { courseId, userId } },
        select: { role: true },
      });
      return { courseId, role: existing.role, joined: false };
    }
    await tx.courseInvite.update({ where: { id: invite.id }, data: { uses: { increment: 1 } } });
    await announceMembershipChange(tx, courseId, userId);
    return { courseId, role: invite.role, joined: true };
  });
}
