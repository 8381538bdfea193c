import { appRouter } from "@hashiya/api";
import {
  clientAddressOf,
  limitRequestBody,
  maxBodyBytesFor,
  retryAfterMeta,
  trpcPathsOf,
} from "@hashiya/api/abuse";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { withCoalescedEvents } from "~/server/coalesce-sse";
import { createContext } from "~/server/context";
import { sessionOf } from "~/server/session";

async function handler(req: Request): Promise<Response> {
  // The same session as `auth()`, without its per-call cost (see `sessionOf`).
  const session = await sessionOf(req);
  const clientAddress = clientAddressOf(req.headers);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    // Bodies over 256 kB (whole texts: more) are refused with 413 before they are parsed.
    req: limitRequestBody(req, maxBodyBytesFor(trpcPathsOf(req.url, "/api/trpc"))),
    createContext: () => createContext(session, clientAddress),
    // Rate-limited calls answer 429 with Retry-After.
    responseMeta: retryAfterMeta,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC failed on ${path ?? "<no path>"}:`, error);
      }
    },
  });
  return withCoalescedEvents(response);
}

export { handler as GET, handler as POST };
