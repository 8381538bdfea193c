"use client";

import type { RouterOutputs } from "@hashiya/api";
import { useTranslations } from "next-intl";
import styles from "../moderation.module.css";
import { AuditSection } from "./audit-section";
import { MutesSection } from "./mutes-section";
import { QueueSection } from "./queue-section";

export interface ConsoleMember {
  userId: string;
  name: string;
  role: "instructor" | "moderator" | "student";
  mutedUntil: Date | null;
}

/** The moderation page's three parts: the queue, the mutes, the audit log. */
export function ModerationConsole({
  courseId,
  texts,
  initialQueue,
  members,
}: {
  courseId: string;
  texts: { id: string; title: string }[];
  initialQueue: RouterOutputs["moderation"]["queue"];
  members: ConsoleMember[];
}) {
  const t = useTranslations("moderation");
  return (
    <div className={styles.console}>
      <section aria-labelledby="moderation-queue">
        <h2 id="moderation-queue">{t("queueTitle")}</h2>
        <QueueSection courseId={courseId} initial={initialQueue} />
      </section>
      <section aria-labelledby="moderation-mutes">
        <h2 id="moderation-mutes">{t("mutesTitle")}</h2>
        <MutesSection courseId={courseId} members={members} />
      </section>
      <section aria-labelledby="moderation-audit">
        <h2 id="moderation-audit">{t("auditTitle")}</h2>
        <AuditSection courseId={courseId} texts={texts} members={members} />
      </section>
    </div>
  );
}
