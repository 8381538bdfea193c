import type { AppErrorCode } from "../errors";
import { type BudgetName, type ChargedTo, chargesFor } from "./budgets";
import type { RateLimits } from "./rate-limits";

export interface WriteRefusal {
  appCode: AppErrorCode;
  retryAfterSeconds: number;
}

const refusalCodes: Partial<Record<BudgetName, AppErrorCode>> = {
  signUpPerEmail: "rate_limit.sign_up",
  signUpPerAddress: "rate_limit.sign_up",
  passwordResetPerEmail: "rate_limit.password_reset",
  passwordResetPerAddress: "rate_limit.password_reset",
};

/** The email an input names (sign-up, password reset), as accounts store it. */
function emailOf(rawInput: unknown): string | null {
  const email = (rawInput as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : null;
}

/**
 * Spends the points a mutation costs, before its input is validated (so that a flood of invalid
 * writes is limited too); the refusal to send when a budget is spent, else null.
 */
export async function chargeWrite(options: {
  limits: RateLimits;
  path: string;
  userId: string | null;
  /** The client's network address, when known. */
  address: string | null;
  getRawInput: () => Promise<unknown>;
}): Promise<WriteRefusal | null> {
  const address = `address:${options.address ?? "unknown"}`;
  const keyFor = async (to: ChargedTo) => {
    if (to === "actor") return options.userId ? `user:${options.userId}` : address;
    if (to === "address") return address;
    const email = emailOf(await options.getRawInput().catch(() => null));
    return email ? `${address}|email:${email}` : address;
  };
  for (const { budget, to } of chargesFor(options.path)) {
    const verdict = await options.limits.consume(budget, await keyFor(to));
    if (!verdict.allowed) {
      return {
        appCode: refusalCodes[budget] ?? "rate_limit.writes",
        retryAfterSeconds: verdict.retryAfterSeconds,
      };
    }
  }
  return null;
}
