"use client";

import type { RouterOutputs } from "@hashiya/api";
import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./dashboard.module.css";

type Passage = RouterOutputs["dashboard"]["confusion"][number];

interface Props {
  textId: string;
  passages: Passage[];
  language: string;
  direction: "rtl" | "ltr";
}

/** The passages where students ask and are confused, each with links to its threads. */
export function ConfusionReport({ textId, passages, language, direction }: Props) {
  const t = useTranslations("dashboard");
  if (passages.length === 0) return <p className="muted">{t("noConfusion")}</p>;
  return (
    <ol className={styles.passages} data-testid="confusion">
      {passages.map((passage) => (
        <li key={`${passage.start}-${passage.end}`} className={styles.passage}>
          <blockquote className={styles.quote} lang={language} dir={direction}>
            {passage.quote}
            {passage.quoteCut ? "…" : null}
          </blockquote>
          <p className={styles.score}>
            {t("passageScore", { questions: passage.questions, confused: passage.confused })}
          </p>
          <ul className={styles.threads}>
            {passage.threads.map((thread) => (
              <li key={thread.annotationId}>
                <Link
                  href={`/texts/${textId}?thread=${encodeURIComponent(thread.annotationId)}`}
                  dir="auto"
                >
                  {thread.excerpt}
                </Link>{" "}
                <span className="meta">
                  — <bdi>{thread.authorName}</bdi> ·{" "}
                  {t("threadMeta", {
                    question: String(thread.isQuestion),
                    confused: thread.confused,
                    replies: thread.replies,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
