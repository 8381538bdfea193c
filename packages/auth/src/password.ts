import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum settings (19 MiB, 2 passes): slow for attackers, ~30 ms for us.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A few of the most common passwords; length and variety rules catch most of the rest.
const COMMON = new Set([
  "password123", "1234567890", "qwertyuiop", "0123456789", "password1234", "iloveyou123",
  "abcdefghij", "1111111111", "qwerty1234", "123456789a",
]);

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(
  password: string,
  email = "",
): "too_short" | "too_long" | "too_simple" | "contains_email" | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 4) return "too_simple";
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}
