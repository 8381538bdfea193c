import { auth, authConfig, type Session } from "@hashiya/auth";
import { decode, type JWT } from "next-auth/jwt";
import { env } from "~/env";

// `auth()` runs Auth.js's whole session action for every API call (an internal request, the
// token decrypted, re-encrypted into a cookie that a route handler then drops, a JSON round
// trip): several milliseconds per call. The tRPC route needs only the session's user, which
// the token alone gives: decrypt it as Auth.js does (same cookie, salt, secrets and callbacks)
// and remember the answer per token until it expires.

const CACHE_SIZE = 1_000;
const cache = new Map<string, { session: Session | null; expiresAt: number }>();

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session of an API request: what `auth()` answers, for the tRPC route. */
export async function sessionOf(req: Request): Promise<Session | null> {
  const header = req.headers.get("cookie") ?? "";
  const protocol = env.AUTH_URL
    ? new URL(env.AUTH_URL).protocol
    : `${req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")}:`;
  const name = `${protocol === "https:" ? "__Secure-" : ""}authjs.session-token`;
  const token = cookieValue(header, name);
  // Anything but the plain case (chunked tokens, custom cookies, a token under another name,
  // one this secret does not open): Auth.js's own answer.
  if (authConfig.cookies || cookieValue(header, `${name}.0`) !== undefined) return auth();
  if (!token) return header.includes("authjs.session-token") ? auth() : null;
  const known = cache.get(token);
  if (known && known.expiresAt > Date.now()) return known.session;
  const session = await decodeSession(token, name);
  if (!session) return auth();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  const exp = session?.expires ? Date.parse(session.expires) : 0;
  cache.set(token, { session, expiresAt: Math.min(exp, Date.now() + 60_000) });
  return session;
}

async function decodeSession(token: string, salt: string): Promise<Session | null> {
  let decoded: JWT | null;
  try {
    decoded = await decode({ token, secret: env.AUTH_SECRET, salt });
  } catch {
    return null;
  }
  if (!decoded) return null;
  const callbacks = authConfig.callbacks;
  const jwt = callbacks?.jwt
    ? await callbacks.jwt({ token: decoded, account: null } as Parameters<
        NonNullable<typeof callbacks.jwt>
      >[0])
    : decoded;
  if (!jwt) return null;
  const expires = new Date(((jwt.exp as number | undefined) ?? 0) * 1000).toISOString();
  const base = {
    user: { name: jwt.name, email: jwt.email, image: jwt.picture },
    expires,
  } as Session;
  const session = callbacks?.session
    ? await callbacks.session({ session: base, token: jwt } as Parameters<
        NonNullable<typeof callbacks.session>
      >[0])
    : base;
  return { ...(session as Session), expires };
}
