import type { RateLimits, Verdict } from "./rate-limits";

/**
 * The failed sign-ins of one email from one address (`signInFailures`): ask `check()` before
 * verifying a password, then report the outcome. Only failures count, so people who sign in
 * often are never slowed; a success clears the count.
 */
export function signInAttempts(limits: RateLimits, address: string | null, email: string) {
  const key = `address:${address ?? "unknown"}|email:${email.trim().toLowerCase().slice(0, 254)}`;
  return {
    check: (): Promise<Verdict> => limits.check("signInFailures", key),
    async failed(): Promise<void> {
      await limits.consume("signInFailures", key);
    },
    succeeded: (): Promise<void> => limits.reset("signInFailures", key),
  };
}
