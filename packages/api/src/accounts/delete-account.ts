import { verifyPassword } from "@hashiya/auth/password";
import { type Db, Prisma } from "@hashiya/db";
import { announceMembershipChange } from "../courses/scope";
import { runTransaction } from "../notifications/after-commit";
import { appError } from "../trpc";
import { forgetAccountState } from "./account-state";

type Tx = Prisma.TransactionClient;

/**
 * Deletes the caller's account, confirmed with their password. Their words in each course
 * follow its `deletedAuthorPolicy`: "anonymise" keeps them, shown as a deleted user's;
 * "remove" takes their bodies away as their own delete would (a tombstone stays where other
 * people's replies hang). The row stays (a deleted user is still an author), anonymised:
 * no name, an address that is no one's, no password; memberships, notifications, links and
 * tokens go. Sign-in is refused from then on and open sessions count as signed out.
 */
export async function deleteAccount(db: Db, userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, deletedAt: true, isAdmin: true },
  });
  if (!user || user.deletedAt) throw appError("UNAUTHORIZED", "auth.sign_in_required");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw appError("FORBIDDEN", "account.wrong_password");
  }
  await runTransaction(db, async (tx) => {
    await refuseIfIrreplaceable(tx, userId, user.isAdmin);
    const memberships = await tx.membership.findMany({
      where: { userId },
      select: { courseId: true, course: { select: { deletedAuthorPolicy: true } } },
    });
    const removeIn = memberships
      .filter((m) => m.course.deletedAuthorPolicy === "remove")
      .map((m) => m.courseId);
    if (removeIn.length > 0) await removeWords(tx, userId, removeIn);
    await tx.notification.deleteMany({ where: { userId } });
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId } });
    // Open websockets and live streams of the account drop each course at once (on commit).
    for (const { courseId } of memberships) await announceMembershipChange(tx, courseId, userId);
    await tx.user.update({
      where: { id: userId },
      data: {
        deletedAt: new Date(),
        name: "",
        email: `deleted-${userId}@deleted.invalid`,
        emailVerified: null,
        image: null,
        passwordHash: null,
        isAdmin: false,
      },
    });
  });
  forgetAccountState(userId);
}

/**
 * A course must keep an instructor while it has other members, and the site an admin: the
 * person hands those roles on first.
 */
async function refuseIfIrreplaceable(tx: Tx, userId: string, isAdmin: boolean): Promise<void> {
  const [soleInstructor] = await tx.$queryRaw<{ id: string }[]>`
    SELECT m.course_id AS id FROM memberships m
    WHERE m.user_id = ${userId} AND m.role = 'instructor'
      AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.course_id = m.course_id
        AND o.user_id <> m.user_id AND o.role = 'instructor')
      AND EXISTS (SELECT 1 FROM memberships o WHERE o.course_id = m.course_id
        AND o.user_id <> m.user_id)
    LIMIT 1`;
  if (soleInstructor) throw appError("CONFLICT", "account.last_instructor");
  if (isAdmin) {
    const others = await tx.user.count({
      where: { isAdmin: true, deletedAt: null, id: { not: userId } },
    });
    if (others === 0) throw appError("CONFLICT", "admin.last_admin");
  }
}

/** The author's own delete, for everything they wrote in these courses. */
async function removeWords(tx: Tx, userId: string, courseIds: string[]): Promise<void> {
  const inCourses = { text: { courseId: { in: courseIds } } };
  const now = new Date();
  await tx.annotationReaction.deleteMany({ where: { userId, annotation: inCourses } });
  await tx.replyReaction.deleteMany({ where: { userId, reply: { annotation: inCourses } } });
  const gone = { body: Prisma.DbNull, bodyText: "", deletedAt: now };
  const replies = { authorId: userId, deletedAt: null, annotation: inCourses };
  await tx.replyReaction.deleteMany({ where: { reply: replies } });
  await tx.reply.updateMany({ where: replies, data: gone });
  const threads = { authorId: userId, deletedAt: null, ...inCourses };
  await tx.annotationTag.deleteMany({ where: { annotation: threads } });
  await tx.annotationReaction.deleteMany({ where: { annotation: threads } });
  await tx.annotation.updateMany({ where: threads, data: gone });
}
