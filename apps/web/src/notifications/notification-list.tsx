"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import type { NotificationItem } from "./types";
import { useNotificationText } from "./use-notification-text";

/** The person's notifications, newest first, a page at a time; opening one marks it read. */
export function NotificationList() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useNotificationText();
  const pages = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        initialCursor: null,
      },
    ),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.notification.unreadCount.queryKey() });
  };
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({ onSuccess: refresh }),
  );

  if (pages.isPending) return <p>{t("loading")}</p>;
  if (pages.isError) return <p role="alert">{t("loadFailed")}</p>;
  const items = pages.data.pages.flatMap((page) => page.items);
  const newest = pages.data.pages[0]?.lastEventId;
  const anyUnread = items.some((item) => !item.readAt);

  return (
    <>
      {anyUnread ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => markAll.mutate({ upTo: newest })}
          disabled={markAll.isPending}
        >
          {t("markAllRead")}
        </button>
      ) : null}
      {items.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="notification-list" data-testid="notification-list">
        {items.map((item) => (
          <Row
            key={item.id}
            item={item}
            text={describe(item)}
            when={format.relativeTime(item.createdAt)}
            onOpen={() => {
              if (!item.readAt) markRead.mutate({ ids: [item.id] });
            }}
          />
        ))}
      </ol>
      {pages.hasNextPage ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {t("more")}
        </button>
      ) : null}
    </>
  );
}

function Row({
  item,
  text,
  when,
  onOpen,
}: {
  item: NotificationItem;
  text: string;
  when: string;
  onOpen: () => void;
}) {
  const t = useTranslations("notifications");
  return (
    <li className={item.readAt ? "notification" : "notification unread"} data-kind={item.kind}>
      <p>
        {item.readAt ? null : <span className="badge">{t("unread")}</span>}{" "}
        <Link href={item.href} onClick={onOpen}>
          <bdi>{text}</bdi>
        </Link>
      </p>
      {item.snippet ? (
        <blockquote dir="auto" className="notification-snippet">
          {item.snippet}
        </blockquote>
      ) : null}
      {item.decision ? <p>{t("decision", { decision: item.decision })}</p> : null}
      {item.reason ? (
        <p>
          {t("reason", { reason: "" })}
          <bdi>{item.reason}</bdi>
        </p>
      ) : null}
      <p className="hint">
        <time dateTime={item.createdAt.toISOString()}>{when}</time>
      </p>
    </li>
  );
}
