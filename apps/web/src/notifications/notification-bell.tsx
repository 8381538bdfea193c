"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useNotificationText } from "./use-notification-text";

/**
 * The header's bell: a link to the notifications page with the unread count, kept current by
 * the person's live stream (SSE). Each arrival is also announced to screen readers.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useNotificationText();
  const [announcement, setAnnouncement] = useState("");
  const unread = useQuery(trpc.notification.unreadCount.queryOptions());
  // The newest id there is: the live stream starts right after it, so nothing falls between.
  const start = useQuery(trpc.notification.list.queryOptions({ limit: 1 }));
  useSubscription(
    trpc.notification.onNotification.subscriptionOptions(
      start.data ? { lastEventId: start.data.lastEventId } : skipToken,
      {
        onData: (event) => {
          setAnnouncement(t("arrived", { summary: describe(event.data) }));
          void queryClient.invalidateQueries({
            queryKey: trpc.notification.unreadCount.queryKey(),
          });
          void queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
        },
      },
    ),
  );
  const count = unread.data?.count ?? 0;
  const shown = unread.data?.capped || count > 99 ? t("many") : String(count);
  return (
    <>
      <Link
        href="/notifications"
        className="notification-bell"
        aria-label={t("bellUnread", { count })}
        data-testid="notification-bell"
        data-unread={count}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="notification-count" aria-hidden="true">
            {shown}
          </span>
        ) : null}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}

/** A drawn bell (Feather's, MIT): an emoji bell is a blank box where no emoji font is installed. */
function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="1.15em"
      height="1.15em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}
