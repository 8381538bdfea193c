import { createHash, randomBytes } from "node:crypto";

/** How long a password-reset link works. */
export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

/** A new link secret (256 bits, URL-safe) and the hash that is stored instead of it. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

/**
 * The stored form of a link secret. A fast hash is enough: the secret is random and long,
 * so nothing can be guessed from the hash, and lookups stay indexable (an id, not a salt).
 */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
