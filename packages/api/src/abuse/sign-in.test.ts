import { describe, expect, it } from "vitest";
import { uniqueKeyPrefix } from "../testing/redis";
import { rateBudgets } from "./budgets";
import { createRateLimits } from "./rate-limits";
import { signInAttempts } from "./sign-in";

describe("signInAttempts", () => {
  const limits = createRateLimits({ keyPrefix: uniqueKeyPrefix("sign-in") });
  const { points } = rateBudgets.signInFailures;

  it("refuses once the failures for an email from an address are spent, whatever the email's case", async () => {
    const attempts = signInAttempts(limits, "192.0.2.1", "Salma@Example.com");
    for (let k = 0; k < points; k++) {
      expect((await attempts.check()).allowed).toBe(true);
      await attempts.failed();
    }
    expect((await signInAttempts(limits, "192.0.2.1", " salma@example.com ").check()).allowed).toBe(
      false,
    );
    // Another address, or another email, is counted apart.
    expect((await signInAttempts(limits, "192.0.2.2", "salma@example.com").check()).allowed).toBe(
      true,
    );
    expect((await signInAttempts(limits, "192.0.2.1", "omar@example.com").check()).allowed).toBe(
      true,
    );
  });

  it("forgets the failures after a success", async () => {
    const attempts = signInAttempts(limits, "192.0.2.3", "layla@example.com");
    for (let k = 0; k < points - 1; k++) await attempts.failed();
    await attempts.succeeded();
    for (let k = 0; k < points - 1; k++) await attempts.failed();
    expect((await attempts.check()).allowed).toBe(true);
  });
});
