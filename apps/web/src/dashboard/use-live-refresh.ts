"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useMemo, useRef } from "react";
import { useTRPC } from "~/trpc/react";

export type LiveStatus = "connecting" | "live" | "error";

/**
 * Calls `refresh` when something happens on the text: the text's live events (the same stream
 * the reader uses, filtered for this viewer) only say *that* something changed; the reports
 * are then read again. A burst of events — a class posting at once — makes one refresh at
 * most every `waitMs`, the first one `waitMs` after the burst began.
 */
export function useLiveRefresh(textId: string, refresh: () => void, waitMs = 1_000): LiveStatus {
  const trpc = useTRPC();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // No lastEventId: the page's reports were read just now, so the stream starts from now.
  const input = useMemo(() => ({ textId }), [textId]);
  const subscription = useSubscription(
    trpc.live.onTextEvent.subscriptionOptions(input, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          latest.current();
        }, waitMs);
      },
    }),
  );
  return subscription.status === "pending"
    ? "live"
    : subscription.status === "error"
      ? "error"
      : "connecting";
}
