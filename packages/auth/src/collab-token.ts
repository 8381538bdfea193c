import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

/**
 * Short-lived tokens that carry a signed-in user from the web app to the collab server.
 * Signed with a key derived from AUTH_SECRET for this one purpose, so a session cookie can
 * never be replayed as a collab token nor the reverse.
 */

const ISSUER = "hashiya-web";
const AUDIENCE = "hashiya-collab";
export const COLLAB_TOKEN_TTL_SECONDS = 5 * 60;

export interface CollabIdentity {
  userId: string;
  name: string;
}

export type CollabTokenFailure = "missing" | "expired" | "invalid";

export class CollabTokenError extends Error {
  constructor(readonly reason: CollabTokenFailure) {
    super(`collab token ${reason}`);
    this.name = "CollabTokenError";
  }
}

async function collabKey(authSecret: string): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(authSecret),
    "HKDF",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new TextEncoder().encode(AUDIENCE),
      info: new TextEncoder().encode("hashiya collab token v1"),
    },
    material,
    256,
  );
  return new Uint8Array(bits);
}

export async function signCollabToken(
  identity: CollabIdentity,
  authSecret: string,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ name: identity.name })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.ttlSeconds ?? COLLAB_TOKEN_TTL_SECONDS))
    .sign(await collabKey(authSecret));
}

/** The identity in a valid token; throws CollabTokenError saying why a token is refused. */
export async function verifyCollabToken(
  token: string | null | undefined,
  authSecret: string,
): Promise<CollabIdentity> {
  if (!token) throw new CollabTokenError("missing");
  try {
    const { payload } = await jwtVerify(token, await collabKey(authSecret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    if (typeof payload.sub !== "string" || typeof payload.name !== "string") {
      throw new CollabTokenError("invalid");
    }
    return { userId: payload.sub, name: payload.name };
  } catch (error) {
    if (error instanceof CollabTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new CollabTokenError("expired");
    throw new CollabTokenError("invalid");
  }
}
