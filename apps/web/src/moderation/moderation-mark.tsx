"use client";

import type { ModerationMark as Mark } from "@hashiya/annotation-schema";
import { useTranslations } from "next-intl";
import styles from "./moderation.module.css";

/**
 * What a moderator's decision shows on a post to whoever may know it: "hidden by a moderator:
 * reason", "waiting for approval", "not approved: reason", "deleted by a moderator: reason".
 * Placeholders and tombstones (withheld) say only what happened, never why or by whom.
 */
export function ModerationMark({ mark, id }: { mark: Mark | undefined; id?: string }) {
  const t = useTranslations("moderation");
  if (!mark) return null;
  const label = mark.withheld ? t(`withheld_${mark.state}`) : t(`state_${mark.state}`);
  return (
    <p className={styles.mark} data-state={mark.state} data-testid="moderation-mark" id={id}>
      <strong>{label}</strong>
      {mark.reason ? (
        <>
          {" "}
          <span>{t("reason")}</span> <bdi dir="auto">{mark.reason}</bdi>
        </>
      ) : null}
    </p>
  );
}
