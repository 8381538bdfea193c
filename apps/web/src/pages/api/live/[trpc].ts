import { appRouter, serveLiveSubscription, webHeaders } from "@hashiya/api";
import { clientAddressOf } from "@hashiya/api/abuse";
import { createNextApiHandler } from "@trpc/server/adapters/next";
import type { NextApiRequest, NextApiResponse } from "next";
import { createContext } from "~/server/context";
import { sessionOf } from "~/server/session";

// Live streams: every subscription of the browser's `httpSubscriptionLink` (a text's events,
// notifications, the moderation queue). A Pages API route because only it hands over Node's
// response: the fast path for a text's events (packages/api live/sse-node.ts) writes each event
// straight to the socket, where a route handler's answer is a web stream piped to it — per
// event and viewer, that cost more than the write itself. The other subscriptions, and what the
// fast path does not take, are tRPC's. Subscriptions only (GET); every other call goes to
// /api/trpc, with its body limits.

export const config = {
  // No body to parse; the stream is open-ended (resolved by the stream, not the handler).
  api: { bodyParser: false, responseLimit: false, externalResolver: true },
};

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } }
>;
const SUBSCRIPTIONS = new Set(
  Object.keys(procedures).filter((path) => procedures[path]?._def.type === "subscription"),
);

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET" || !SUBSCRIPTIONS.has(String(req.query.trpc))) {
    res.status(404).json({ error: "Only subscriptions are served here; see /api/trpc." });
    return;
  }
  const headers = webHeaders(req.headers);
  const session = await sessionOf(
    new Request(new URL(req.url ?? "/", "http://localhost"), { headers }),
  );
  const ctx = createContext(session, clientAddressOf(headers));
  if (await serveLiveSubscription(req, res, { endpoint: "/api/live", ctx })) return;
  // Another subscription, or what the fast path does not take (a refusal, a malformed input).
  await createNextApiHandler({ router: appRouter, createContext: () => ctx })(req, res);
}
