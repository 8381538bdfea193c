import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@hashiya/db";
import type { SessionUser } from "../trpc";

// Personal API tokens (the Web Annotation Protocol's writes): a random 256-bit secret with a
// recognisable prefix (so that secret scanners and people can tell what leaked), shown once;
// only its SHA-256 is stored. A fast hash is enough for a long random secret, and it keeps the
// lookup a unique-index read.

export const API_TOKEN_PREFIX = "hsy_";
/** Active (unrevoked) tokens one person may hold. */
export const MAX_ACTIVE_TOKENS = 20;
/** `lastUsedAt` is written at most this often per token: reads must not each cost a write. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** A new token and the hash stored instead of it. */
export function newApiToken(): { token: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an `Authorization: Bearer …` header; undefined without one, null when malformed. */
export function bearerTokenOf(headers: Headers): string | null | undefined {
  const header = headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * The account an API token acts for, or null when the token is unknown, revoked, or its
 * account is deleted. Notes the use (at most once a minute).
 */
export async function userForApiToken(db: Db, token: string): Promise<SessionUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, isAdmin: true, deletedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.user.deletedAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { id, name, email, isAdmin } = row.user;
  return { id, name, email, isAdmin };
}
