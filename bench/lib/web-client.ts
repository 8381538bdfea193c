// A Node client of the web app's tRPC API, signed in through next-auth's credentials flow.
import type { AppRouter } from "@hashiya/api";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
} from "@trpc/client";
import { EventSource } from "eventsource";
import SuperJSON from "superjson";

/** Signs in and returns the Cookie header value carrying the session. */
export async function signIn(webUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${webUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  }
  return cookie();
}

/** `fetch`: what the writes and reads go through (P1's poster: `node-fetch.ts`). */
export function webClient(webUrl: string, cookie?: string, options: { fetch?: typeof fetch } = {}) {
  const headers = (): Record<string, string> => (cookie ? { cookie } : {});
  const http = { url: `${webUrl}/api/trpc`, transformer: SuperJSON, headers, ...options };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${webUrl}/api/live`,
          transformer: SuperJSON,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) =>
              fetch(input, {
                ...init,
                headers: { ...(init?.headers as Record<string, string>), ...headers() },
              }),
          }),
        }),
        // As the web app's client (apps/web/src/trpc/react.tsx): writes unbatched, reads batched.
        false: splitLink({
          condition: (op) => op.type === "mutation",
          true: httpLink(http),
          false: httpBatchLink(http),
        }),
      }),
    ],
  });
}
