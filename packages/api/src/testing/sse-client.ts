import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { AppRouter } from "../root";
import { TEST_USER_HEADER } from "./http-server";

/**
 * A tRPC client of a test server (`startTrpcServer`) whose subscriptions run over a real
 * EventSource, signed in as `userId` through the test user header.
 */
export function sseClientAs(url: string, userId: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url,
        transformer: superjson,
        // Node 20 has no EventSource: the `eventsource` package is the spec's, reconnecting
        // by itself with the Last-Event-ID header.
        EventSource,
        eventSourceOptions: () => ({
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: { ...init?.headers, [TEST_USER_HEADER]: userId },
            }),
        }),
      }),
    ],
  });
}
