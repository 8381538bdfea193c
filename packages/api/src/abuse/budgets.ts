// How much each kind of write may happen: per signed-in user (or per network address when no
// one is signed in), counted over a fixed window that starts at the first write.

export interface Budget {
  /** Writes allowed in the window. */
  points: number;
  durationSeconds: number;
}

export const rateBudgets = {
  /** New and edited threads and replies: a quick writer's pace, not a script's. */
  comment: { points: 30, durationSeconds: 60 },
  /** Reactions are one click each and toggled back and forth. */
  reaction: { points: 120, durationSeconds: 60 },
  /** Every other write: deletes, course and moderation actions, settings, anything added later. */
  write: { points: 120, durationSeconds: 60 },
  /** Accounts created for one email from one address (retries of a form). */
  signUpPerEmail: { points: 5, durationSeconds: 3_600 },
  /** Accounts created from one address: a classroom behind one router stays well under it. */
  signUpPerAddress: { points: 50, durationSeconds: 3_600 },
  /** Failed sign-ins for one email from one address; a success clears the count. */
  signInFailures: { points: 10, durationSeconds: 900 },
  /** Password-reset links asked for one email from one address (a person retrying). */
  passwordResetPerEmail: { points: 5, durationSeconds: 3_600 },
  /** Password-reset links asked for from one address, for whatever emails. */
  passwordResetPerAddress: { points: 30, durationSeconds: 3_600 },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof rateBudgets;

/**
 * Whose count a write is charged to: the signed-in user (or the address when anonymous), the
 * address alone, or the address together with the email the input names.
 */
export type ChargedTo = "actor" | "address" | "address+email";

export interface Charge {
  budget: BudgetName;
  to: ChargedTo;
}

const comment: Charge[] = [{ budget: "comment", to: "actor" }];

/** Mutations with their own budgets; every other mutation is charged to `write`. */
const chargesByPath: Record<string, Charge[]> = {
  "annotation.create": comment,
  "annotation.edit": comment,
  "reply.create": comment,
  "reply.edit": comment,
  "reaction.set": [{ budget: "reaction", to: "actor" }],
  "auth.signUp": [
    { budget: "signUpPerEmail", to: "address+email" },
    { budget: "signUpPerAddress", to: "address" },
  ],
  "account.requestPasswordReset": [
    { budget: "passwordResetPerEmail", to: "address+email" },
    { budget: "passwordResetPerAddress", to: "address" },
  ],
  // Guessing a link's secret is hopeless (256 bits), but each try costs a lookup.
  "account.resetPassword": [{ budget: "passwordResetPerAddress", to: "address" }],
};

const defaultCharges: Charge[] = [{ budget: "write", to: "actor" }];

/** The budgets a mutation at this tRPC path spends from. */
export function chargesFor(path: string): Charge[] {
  return Object.hasOwn(chargesByPath, path) ? chargesByPath[path]! : defaultCharges;
}
