import { hashPassword, passwordWeakness } from "@hashiya/auth/password";
import type { Db } from "@hashiya/db";
import { currentMailer } from "../mail/mailer";
import { afterCommit, runTransaction } from "../notifications/after-commit";
import { appError } from "../trpc";
import { passwordResetMail } from "./reset-email";
import { hashResetToken, newResetToken, RESET_TOKEN_TTL_MS } from "./reset-token";

/**
 * Sends a reset link to the account with this email, if there is one that is not deleted.
 * The caller answers the same either way (no probing for addresses); the message goes out
 * after commit, off the request's path, so the answer's timing says no more than its words.
 */
export async function requestPasswordReset(db: Db, email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, locale: true, deletedAt: true },
  });
  if (!user || user.deletedAt) return;
  const { token, tokenHash } = newResetToken();
  const now = new Date();
  await runTransaction(db, async (tx) => {
    // Housekeeping: the person's spent and expired links are of no more use to anyone.
    await tx.passwordResetToken.deleteMany({
      where: { userId: user.id, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] },
    });
    await tx.passwordResetToken.create({
      data: { tokenHash, userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    });
    afterCommit(tx, () => {
      const mailer = currentMailer();
      return mailer.send(
        passwordResetMail({ to: user.email, locale: user.locale, appUrl: mailer.appUrl, token }),
      );
    });
  });
}

const invalidLink = () => appError("BAD_REQUEST", "account.reset_link_invalid");

/**
 * Sets a new password with a reset link's secret: it must be known, unused, unexpired and
 * for an account that still exists; it is spent at once, with every other link of the account.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const tokenHash = hashResetToken(token);
  const found = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    select: {
      userId: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, deletedAt: true } },
    },
  });
  if (!found || found.usedAt || found.expiresAt <= new Date() || found.user.deletedAt) {
    throw invalidLink();
  }
  const weakness = passwordWeakness(password, found.user.email);
  if (weakness) throw appError("BAD_REQUEST", `auth.weak_password.${weakness}`);
  // Hashed before the transaction: argon2 is slow on purpose, the row lock need not wait.
  const passwordHash = await hashPassword(password);
  await runTransaction(db, async (tx) => {
    const now = new Date();
    // The claim is the check: of two uses racing, exactly one finds the link still unused.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw invalidLink();
    await tx.passwordResetToken.updateMany({
      where: { userId: found.userId, usedAt: null },
      data: { usedAt: now },
    });
    // Whoever held a session of the account (perhaps who made the reset necessary) is out.
    await tx.user.update({
      where: { id: found.userId },
      data: { passwordHash, sessionsValidFrom: now },
    });
  });
}
