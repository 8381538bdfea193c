import { displayNameSchema } from "@hashiya/annotation-schema";
import { z } from "zod";

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
// The form sends the password as typed; strength is judged by `passwordWeakness`.
const password = z.string().min(1).max(1000);

export const renameInputSchema = z.object({ name: displayNameSchema });

export const changePasswordInputSchema = z.object({
  currentPassword: password,
  newPassword: password,
});

export const requestPasswordResetInputSchema = z.object({ email });

export const resetPasswordInputSchema = z.object({
  // 32 random bytes in base64url; anything else is no link of ours.
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "account.reset_link_invalid" }),
  password,
});

export const deleteAccountInputSchema = z.object({ password });
