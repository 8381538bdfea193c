"use client";

import type { ModeratedItemView } from "@hashiya/annotation-schema";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "~/dashboard/local-time";
import styles from "../moderation.module.css";

/** An item as the staff see it in the queue and the log: where, by whom, what it said. */
export function ItemSummary({
  item,
  headingLevel = 3,
}: {
  item: ModeratedItemView;
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations("moderation");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <Heading className={styles.row}>
        <span>{t(item.type === "reply" ? "replyBy" : "postBy", { name: item.author.name })}</span>
        <span className="muted">
          <LocalTime date={item.createdAt} />
        </span>
        {item.state !== "visible" ? (
          <span className="badge">{t(`state_${item.state}`)}</span>
        ) : null}
      </Heading>
      <p className="meta">
        <Link href={`/texts/${item.textId}`} dir="auto">
          {item.textTitle}
        </Link>
      </p>
      <blockquote dir="auto">{item.quote}</blockquote>
      <p dir="auto">{item.deleted ? <em>{t("deletedByAuthor")}</em> : item.bodyText}</p>
    </>
  );
}
