import { hashPassword, passwordWeakness, verifyPassword } from "@hashiya/auth/password";
import type { TRPCRouterRecord } from "@trpc/server";
import { deleteAccount } from "../accounts/delete-account";
import { exportOwnData } from "../accounts/export-data";
import {
  changePasswordInputSchema,
  deleteAccountInputSchema,
  renameInputSchema,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
} from "../accounts/inputs";
import { requestPasswordReset, resetPassword } from "../accounts/password-reset";
import { appError, protectedProcedure, publicProcedure } from "../trpc";

// Every signed-in procedure here acts on the caller's own account, never on another's.
export const accountRouter = {
  /** The caller's own profile (their email included: it is theirs). */
  profile: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { id: true, name: true, email: true, locale: true, isAdmin: true, createdAt: true },
    }),
  ),

  /** Changes the caller's display name, sanitised like comment bodies. */
  rename: protectedProcedure.input(renameInputSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.user.update({
      where: { id: ctx.user.id },
      data: { name: input.name },
      select: { name: true },
    });
  }),

  /** Changes the caller's password, confirmed with the current one. */
  changePassword: protectedProcedure
    .input(changePasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { email: true, passwordHash: true },
      });
      const ok =
        user.passwordHash && (await verifyPassword(user.passwordHash, input.currentPassword));
      if (!ok) throw appError("FORBIDDEN", "account.wrong_password");
      const weakness = passwordWeakness(input.newPassword, user.email);
      if (weakness) throw appError("BAD_REQUEST", `auth.weak_password.${weakness}`);
      await ctx.db.user.update({
        where: { id: ctx.user.id },
        // Every session signed in before now ends (the web app signs this one in again).
        data: { passwordHash: await hashPassword(input.newPassword), sessionsValidFrom: new Date() },
      });
      return { changed: true };
    }),

  /**
   * Sends a reset link to this address if an account has it. The answer is the same whether
   * or not one does; the rate limits (per address and per email) answer alike too.
   */
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInputSchema)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, input.email);
      return { sent: true };
    }),

  /** Sets a new password with the secret of a reset link (single use, 30 minutes). */
  resetPassword: publicProcedure
    .input(resetPasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input.token, input.password);
      return { reset: true };
    }),

  /** The caller's own data, as one JSON document to download. */
  exportData: protectedProcedure.query(({ ctx }) => exportOwnData(ctx.db, ctx.user.id)),

  /** Deletes the caller's account, confirmed with their password (see `deleteAccount`). */
  delete: protectedProcedure.input(deleteAccountInputSchema).mutation(async ({ ctx, input }) => {
    await deleteAccount(ctx.db, ctx.user.id, input.password);
    return { deleted: true };
  }),
} satisfies TRPCRouterRecord;
