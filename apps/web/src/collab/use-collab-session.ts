"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useMemo, useRef } from "react";
import { useTRPC } from "~/trpc/react";
import { type CollabUser, collabTokenSchema } from "./schemas";

/** A token is refreshed this long before it expires, so a reconnect never sends a stale one. */
const REFRESH_MARGIN_MS = 60_000;

export interface CollabSession {
  /** The collab server's websocket URL, as the web app's configuration names it. */
  url: string;
  /** The signed-in user as the server describes them; absent until the server sends it. */
  user: CollabUser | null;
  /**
   * A token valid for at least another minute. Hocuspocus calls it each time it
   * (re)authenticates a document, so a reconnect after a long idle gets a fresh one.
   */
  getToken: () => Promise<string>;
}

export type CollabSessionState =
  | { status: "loading" }
  /** Not signed in (or the session ended): no collab connection; the page still reads. */
  | { status: "anonymous" }
  | { status: "unavailable" }
  | { status: "ready"; session: CollabSession };

function isUnauthorised(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED";
}

/**
 * The browser's collab credentials from `collab.token`: one query per page (React Query
 * dedupes the components asking), refetched shortly before each token expires. With the
 * page's `textId`, the identity is the one to show on that text (an alias where the course
 * hides classmates' names).
 */
export function useCollabSession(textId?: string): CollabSessionState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.collab.token.queryOptions(textId ? { textId } : undefined, {
    retry: (failures, error) => !isUnauthorised(error) && failures < 3,
    staleTime: REFRESH_MARGIN_MS,
    refetchOnWindowFocus: false,
    refetchInterval: (query) => {
      const parsed = collabTokenSchema.safeParse(query.state.data);
      if (!parsed.success) return false;
      return Math.max(5_000, parsed.data.expiresAt.getTime() - Date.now() - REFRESH_MARGIN_MS);
    },
    refetchIntervalInBackground: true,
  });
  const query = useQuery(options);
  // The options object is rebuilt on each render; the token getter must stay the same function
  // (a new one would rebuild every provider), so it reads them through a ref.
  const latest = useRef(options);
  latest.current = options;

  const getToken = useCallback(async () => {
    const options = latest.current;
    const cached = collabTokenSchema.safeParse(queryClient.getQueryData(options.queryKey));
    if (cached.success && cached.data.expiresAt.getTime() - Date.now() > REFRESH_MARGIN_MS) {
      return cached.data.token;
    }
    const fresh = await queryClient.fetchQuery({ ...options, staleTime: 0 });
    return collabTokenSchema.parse(fresh).token;
  }, [queryClient]);

  const parsed = collabTokenSchema.safeParse(query.data);
  const url = parsed.success ? parsed.data.url : null;
  const user = parsed.success ? (parsed.data.user ?? null) : null;
  // Stable while the URL and the user stay the same, so providers are not rebuilt on refresh.
  const userKey = user ? `${user.id}\u0000${user.name}\u0000${user.colour}` : "";
  const session = useMemo(() => (url ? { url, user, getToken } : null), [url, userKey, getToken]);

  if (session) return { status: "ready", session };
  if (query.isError) return { status: isUnauthorised(query.error) ? "anonymous" : "unavailable" };
  return { status: "loading" };
}
