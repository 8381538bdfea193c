import { createCaller } from "@hashiya/api";
import { clientAddressOf } from "@hashiya/api/abuse";
import { annotationProtocolResponse, type ProtocolTarget } from "@hashiya/api/protocol";
import type { Session } from "@hashiya/auth";
import { db } from "@hashiya/db";
import { env } from "~/env";
import { createContext } from "~/server/context";
import { sessionOf } from "~/server/session";

/**
 * The W3C Web Annotation Protocol's answer (`@hashiya/api/protocol`): reads as the session's
 * user or a bearer token's, writes as a token's through the app's own procedures, in the same
 * context as tRPC calls (rate limits, the live hub, the client's address).
 */
export async function protocolRoute(req: Request, target: ProtocolTarget): Promise<Response> {
  const session = await sessionOf(req);
  const clientAddress = clientAddressOf(req.headers);
  return annotationProtocolResponse(req, target, {
    db,
    // The exporter's IRIs use the same origin: an exported annotation's id resolves here.
    baseUrl: env.AUTH_URL ?? new URL(req.url).origin,
    sessionUser: session?.user?.id ? session.user : null,
    // The token's account as the context's user: tRPC reads only its id, name, email and admin
    // flag (and checks them against the account row), never the session's other claims.
    proceduresFor: (user) =>
      createCaller(createContext({ user, expires: "" } as unknown as Session, clientAddress)),
  });
}
