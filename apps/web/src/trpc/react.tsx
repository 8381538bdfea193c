"use client";

import type { AppRouter } from "@hashiya/api";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  loggerLink,
  retryLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import SuperJSON from "superjson";
import { createQueryClient } from "./query-client";

export const { useTRPC, useTRPCClient, TRPCProvider } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient(): QueryClient {
  // On the server, a new client per request; in the browser, one for the page's lifetime.
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

/** Refusals that another attempt would only repeat (no access, no such text). */
function isFinal(error: unknown): boolean {
  const code = error instanceof TRPCClientError ? error.data?.code : undefined;
  return (
    code === "NOT_FOUND" ||
    code === "FORBIDDEN" ||
    code === "UNAUTHORIZED" ||
    code === "BAD_REQUEST"
  );
}

const httpOptions = {
  transformer: SuperJSON,
  // Only the browser calls through this client; server components use the caller.
  url: "/api/trpc",
  headers: () => ({ "x-trpc-source": "nextjs-react" }),
};

/** 0.5 s, 1 s, 2 s … up to 15 s between attempts to reopen a live stream. */
function backoff(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 15_000);
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          // Failed calls only: the console stays quiet on the happy path.
          enabled: (op) => op.direction === "down" && op.result instanceof Error,
        }),
        // Subscriptions (live events) over Server-Sent Events: plain HTTP, through any proxy.
        // A dropped stream is reopened from the last event received (the EventSource's own
        // retry, or this retryLink when the connection failed outright), so nothing is missed.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: [
            retryLink({ retry: ({ error }) => !isFinal(error), retryDelayMs: backoff }),
            // Served by pages/api/live, which writes events straight to the socket.
            httpSubscriptionLink({ transformer: SuperJSON, url: "/api/live" }),
          ],
          // Writes go out at once, one request each: a batch waits a timer tick to gather
          // calls, which a reader's writes (one comment, one reaction) never fill, and a
          // comment's way to the other readers starts with this request. Reads still batch.
          false: splitLink({
            condition: (op) => op.type === "mutation",
            true: httpLink(httpOptions),
            false: httpBatchLink(httpOptions),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
