"use client";

import { useFormatter, useTranslations } from "next-intl";
import styles from "./moderation.module.css";

/** Tells a muted member until when they may only read, and why. */
export function MuteNotice({ until, reason }: { until: Date; reason: string | null }) {
  const t = useTranslations("moderation");
  const format = useFormatter();
  return (
    <p className={styles.notice} role="status" data-testid="mute-notice">
      <span suppressHydrationWarning>
        {t("mutedNotice", {
          until: format.dateTime(until, { dateStyle: "medium", timeStyle: "short" }),
        })}
      </span>
      {reason ? (
        <>
          {" "}
          {t("reason")} <bdi dir="auto">{reason}</bdi>
        </>
      ) : null}
    </p>
  );
}

/** "Reveal after posting": how many posts of their own open classmates' work to the viewer. */
export function RevealNotice({ required, posted }: { required: number; posted: number }) {
  const t = useTranslations("moderation");
  return (
    <p className={styles.notice} role="status" data-testid="reveal-notice">
      {t("revealNotice", { required, left: Math.max(required - posted, 0) })}
    </p>
  );
}
