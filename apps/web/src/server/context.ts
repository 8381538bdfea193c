import { createTRPCContext } from "@hashiya/api";
import type { Session } from "@hashiya/auth";
import { db } from "@hashiya/db";
import { env } from "~/env";
import { liveHub } from "./live-hub";
import { configureMail } from "./mail";
import { rateLimits } from "./rate-limits";

/** The tRPC context for one request, shared by the HTTP handler and the RSC caller. */
export function createContext(session: Session | null, clientAddress: string | null = null) {
  configureMail();
  return createTRPCContext({
    db,
    session,
    authSecret: env.AUTH_SECRET,
    collabUrl: env.COLLAB_URL,
    live: liveHub(),
    rateLimits: rateLimits(),
    clientAddress,
  });
}
