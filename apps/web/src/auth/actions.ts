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

/**
 * Signs in with the failed-attempt budget applied (per email and address; past it, no
 * password is checked): null when signed in, else the refusal's error id. Next.js's redirect
 * on success passes through.
 */
async function budgetedSignIn(
  email: string,
  password: string,
  options: { redirectTo: string } | { redirect: false },
): Promise<AppErrorCode | null> {
  const attempts = signInAttempts(rateLimits(), clientAddressOf(await headers()), email);
  if (!(await attempts.check()).allowed) return "rate_limit.sign_in";
  try {
    await signIn("credentials", { email, password, ...options });
  } catch (error) {
    // Every refused sign-in (wrong email, wrong password, malformed input) reads the same.
    if (error instanceof CredentialsSignin) {
      await attempts.failed();
      return "auth.wrong_password";
    }
    await attempts.succeeded();
    throw error; // Next.js's redirect on success, or a real failure for the error page
  }
  await attempts.succeeded();
  return null;
}

/** Signs in with email and password; on success Next.js redirects, otherwise the error id. */
export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const error = await budgetedSignIn(email, String(formData.get("password") ?? ""), {
    redirectTo: safeRedirect(formData.get("callbackUrl")),
  });
  return error ? { error, email } : null;
}

/**
 * After a password change has ended every session of the account (this one too), signs this
 * browser in again with the new password, so the person who changed it stays signed in. An
 * ordinary sign-in as far as the attempt budget goes.
 */
export async function renewSessionAction(email: string, password: string): Promise<boolean> {
  return (await budgetedSignIn(email, password, { redirect: false })) === null;
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

