import type { Db } from "@hashiya/db";
import { accountState } from "../accounts/account-state";
import { bearerTokenOf, userForApiToken } from "../accounts/api-tokens";
import type { SessionUser } from "../trpc";
import { bearerChallenge, type Refusal } from "./responses";

// Who is asking: a personal API token (`Authorization: Bearer hsy_…`) for reads and writes; for
// reads, also the browser's session; else nobody. A token that is sent but unknown or revoked
// is refused outright, never read as "anonymous".

export type ProtocolCaller =
  | { kind: "token"; user: SessionUser }
  | { kind: "session"; user: SessionUser }
  | { kind: "anonymous"; user: null };

export async function protocolCaller(
  db: Db,
  headers: Headers,
  sessionUser: SessionUser | null,
): Promise<ProtocolCaller | Refusal> {
  const token = bearerTokenOf(headers);
  if (token !== undefined) {
    const user = token ? await userForApiToken(db, token) : null;
    if (!user) return { status: 401, code: "api_token.invalid", headers: bearerChallenge(true) };
    return { kind: "token", user };
  }
  if (!sessionUser) return { kind: "anonymous", user: null };
  // As for tRPC calls: a deleted account's session is signed out, admin follows the row.
  const state = await accountState(db, sessionUser.id);
  if (state.closed) return { kind: "anonymous", user: null };
  return { kind: "session", user: { ...sessionUser, isAdmin: state.isAdmin } };
}

/** Writes need a token: a session cookie alone could be a cross-site request's. */
export function tokenRequired(): Refusal {
  return { status: 401, code: "protocol.token_required", headers: bearerChallenge(false) };
}

export const isRefusal = (value: object): value is Refusal => "status" in value && "code" in value;
