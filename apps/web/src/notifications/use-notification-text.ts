"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { NotificationItem } from "./types";

/** The one-line sentence of a notification in the interface language ("Sara mentioned you in …"). */
export function useNotificationText(): (item: NotificationItem) => string {
  const t = useTranslations("notifications");
  return useCallback(
    (item: NotificationItem) => {
      const actor =
        item.actor.state === "named"
          ? item.actor.name
          : item.actor.state === "hidden"
            ? t("classmate")
            : item.actor.state === "deleted"
              ? t("deletedUser")
              : t("someone");
      const title = item.textTitle ?? item.courseTitle;
      return t(item.kind, { actor, title });
    },
    [t],
  );
}
