import { appRouter, serveLiveSubscription } from "@hashiya/api";
import { clientAddressOf } from "@hashiya/api/abuse";
import { createNextApiHandler } from "@trpc/server/adapters/next";
import type { NextApiRequest, NextApiResponse } from "next";
import { createContext } from "~/server/context";
import { sessionOf } from "~/server/session";

// Live streams (`live.onTextEvent`, the browser's `httpSubscriptionLink`). A Pages API route
// because only it hands over Node's response: the fast path (packages/api live/sse-node.ts)
// writes each event straight to the socket, where a route handler's answer is a web stream
// piped to it — per event and viewer, that cost more than the write itself. This route serves
// that one procedure, GET only; every other call goes to /api/trpc.

const PROCEDURE = "live.onTextEvent";

export const config = {
  // No body to parse; the stream is open-ended (resolved by the stream, not the handler).
  api: { bodyParser: false, responseLimit: false, externalResolver: true },
};

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.query.trpc !== PROCEDURE || req.method !== "GET") {
    res.status(404).json({ error: `Only GET ${PROCEDURE} is served here; see /api/trpc.` });
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const session = await sessionOf(
    new Request(new URL(req.url ?? "/", "http://localhost"), { headers }),
  );
  const ctx = createContext(session, clientAddressOf(headers));
  if (await serveLiveSubscription(req, res, { endpoint: "/api/live", ctx })) return;
  // What the fast path does not take (a refusal, a malformed input): tRPC's own answer.
  await createNextApiHandler({ router: appRouter, createContext: () => ctx })(req, res);
}
