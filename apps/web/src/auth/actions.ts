"use server";

import { clientAddressOf, signInAttempts } from "@hashiya/api/abuse";
import { CredentialsSignin, signIn, signOut } from "@hashiya/auth";
import { headers } from "next/headers";
import type { AppErrorCode } from "~/i18n/errors";
import { rateLimits } from "~/server/rate-limits";

export type SignInState = { error: AppErrorCode; email: string } | null;

/** Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in. */
function safeRedirect(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//")
    ? value
    : "/";
}

/** Signs in with email and password; on success Next.js redirects, otherwise the error id. */
export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  // Failed attempts are counted per email and address; past the budget, no password is checked.
  const attempts = signInAttempts(rateLimits(), clientAddressOf(await headers()), email);
  if (!(await attempts.check()).allowed) return { error: "rate_limit.sign_in", email };
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeRedirect(formData.get("callbackUrl")),
    });
    return null;
  } catch (error) {
    // Every refused sign-in (wrong email, wrong password, malformed input) reads the same.
    if (error instanceof CredentialsSignin) {
      await attempts.failed();
      return { error: "auth.wrong_password", email };
    }
    await attempts.succeeded();
    throw error; // Next.js's redirect on success, or a real failure for the error page
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
