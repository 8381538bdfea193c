"use client";

import type { QueueEntryView } from "@hashiya/annotation-schema";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LocalTime } from "~/dashboard/local-time";
import { useTRPC } from "~/trpc/react";
import styles from "../moderation.module.css";
import { ReasonForm } from "../reason-form";
import { ItemSummary } from "./item-summary";
import { useModerationCall } from "./use-moderation-call";

/**
 * The queue: posts waiting for approval, then flagged posts — read again as soon as the
 * course's live signal says it changed (and now and then, should the stream be down).
 */
export function QueueSection({
  courseId,
  initial,
}: {
  courseId: string;
  initial: { entries: QueueEntryView[] };
}) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const queue = useQuery(
    trpc.moderation.queue.queryOptions(
      { courseId },
      { initialData: initial, refetchInterval: 60_000, refetchOnWindowFocus: true },
    ),
  );
  useSubscription(
    trpc.moderation.onQueueChange.subscriptionOptions(
      { courseId },
      { onData: () => void queue.refetch() },
    ),
  );
  const entries = queue.data.entries;
  if (entries.length === 0) return <p className="muted">{t("queueEmpty")}</p>;
  return (
    <ol className={styles.list} data-testid="moderation-queue">
      {entries.map((entry) => (
        <li key={`${entry.item.type}:${entry.item.id}`}>
          <QueueEntry entry={entry} />
        </li>
      ))}
    </ol>
  );
}

type Decision = "approve" | "deny" | "keep" | "hide" | "remove";

function QueueEntry({ entry }: { entry: QueueEntryView }) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const { run, error } = useModerationCall();
  const [asking, setAsking] = useState<Decision | null>(null);
  const options = { onError: () => {} };
  const calls = {
    approve: useMutation(trpc.moderation.approve.mutationOptions(options)),
    deny: useMutation(trpc.moderation.deny.mutationOptions(options)),
    keep: useMutation(trpc.moderation.keep.mutationOptions(options)),
    hide: useMutation(trpc.moderation.hide.mutationOptions(options)),
    remove: useMutation(trpc.moderation.remove.mutationOptions(options)),
  };
  const { item, flags } = entry;
  const target = { type: item.type, id: item.id } as const;
  const held = item.state === "pending";
  const decisions: Decision[] = held
    ? ["approve", "deny", "remove"]
    : item.state === "hidden"
      ? ["keep", "remove"]
      : ["keep", "hide", "remove"];
  const needsReason = (decision: Decision) =>
    decision === "deny" || decision === "hide" || decision === "remove";
  const act = (decision: Decision, reason: string) =>
    run(() => calls[decision].mutateAsync({ target, reason }));

  return (
    <article className={styles.entry} data-testid="queue-entry" data-item-id={item.id}>
      <ItemSummary item={item} />
      {flags.length > 0 ? (
        <>
          <p>{t("flagCount", { count: flags.length })}</p>
          <ul>
            {flags.map((flag) => (
              <li key={flag.id}>
                <bdi>{flag.flagger.name}</bdi>: <bdi dir="auto">{flag.reason}</bdi>{" "}
                <span className="muted">
                  <LocalTime date={flag.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {asking ? (
        <ReasonForm
          label={t(`reasonFor_${asking}`)}
          submitLabel={t(`do_${asking}`)}
          required={needsReason(asking)}
          onSubmit={async (reason) => {
            await act(asking, reason);
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className={styles.row}>
          {decisions.map((decision) => (
            <button
              key={decision}
              type="button"
              className={decision === "remove" ? "button-danger" : "button-quiet"}
              data-decision={decision}
              onClick={() =>
                needsReason(decision) ? setAsking(decision) : void act(decision, "").catch(() => {})
              }
            >
              {t(`do_${decision}`)}
            </button>
          ))}
        </div>
      )}
      {error && !asking ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}
