"use client";

import type { ModerationMark, ModerationTarget } from "@hashiya/annotation-schema";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PersonView, ThreadView } from "~/annotations/types";
import { useDescribeError } from "~/courses/use-describe-error";
import { useTRPC } from "~/trpc/react";
import { type ModerationContextValue, useModeration } from "./context";
import styles from "./moderation.module.css";
import { ReasonForm } from "./reason-form";

type Decision = "hide" | "unhide" | "approve" | "deny" | "remove" | "lock" | "unlock" | "mute";
const NEEDS_REASON = new Set<Decision>(["hide", "deny", "remove", "mute"]);
const MUTE_HOURS = [1, 24, 24 * 7, 24 * 30] as const;

/** What a moderator may do to an item in its present state. */
function decisionsFor(
  mark: ModerationMark | undefined,
  thread: { locked: boolean } | null,
  author: PersonView,
  viewerId: string | null,
): Decision[] {
  const state = mark?.state ?? "visible";
  const byState: Record<typeof state, Decision[]> = {
    visible: ["hide", "remove"],
    hidden: ["unhide", "remove"],
    pending: ["approve", "deny", "remove"],
    denied: ["approve", "remove"],
    removed: [],
  };
  const decisions = [...byState[state]];
  if (thread) decisions.push(thread.locked ? "unlock" : "lock");
  if (!author.alias && author.id !== viewerId) decisions.push("mute");
  return decisions;
}

/**
 * The staff's controls on a post (behind a "Moderate" disclosure): hide or unhide, approve or
 * deny, delete, lock or unlock the thread, mute its author. Each answer updates the card at
 * once and offers an undo.
 */
export function ModerationActions({
  target,
  annotationId,
  mark,
  author,
  thread,
}: {
  target: ModerationTarget;
  annotationId: string;
  mark: ModerationMark | undefined;
  author: PersonView;
  /** For the thread's opening post: whether it is locked. */
  thread: { locked: boolean } | null;
}) {
  const context = useModeration();
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const describe = useDescribeError();
  const [asking, setAsking] = useState<Decision | null>(null);
  const [hours, setHours] = useState<number>(24);
  const [done, setDone] = useState<{ decision: Decision; actionId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = { onError: () => {} };
  const calls = {
    hide: useMutation(trpc.moderation.hide.mutationOptions(options)),
    unhide: useMutation(trpc.moderation.unhide.mutationOptions(options)),
    approve: useMutation(trpc.moderation.approve.mutationOptions(options)),
    deny: useMutation(trpc.moderation.deny.mutationOptions(options)),
    remove: useMutation(trpc.moderation.remove.mutationOptions(options)),
    lock: useMutation(trpc.moderation.lock.mutationOptions(options)),
    unlock: useMutation(trpc.moderation.unlock.mutationOptions(options)),
    mute: useMutation(trpc.moderation.mute.mutationOptions(options)),
    undo: useMutation(trpc.moderation.undo.mutationOptions(options)),
  };
  if (!context?.canModerate) return null;

  async function act(decision: Decision, reason: string) {
    const ctx = context as ModerationContextValue;
    let outcome: { thread: ThreadView | null; eventId: string; actionId: string } | null = null;
    if (decision === "lock" || decision === "unlock") {
      outcome = await calls[decision].mutateAsync({ annotationId, reason });
    } else if (decision === "mute") {
      const muted = await calls.mute.mutateAsync({
        courseId: ctx.courseId,
        userId: author.id,
        hours,
        reason,
      });
      setDone({ decision, actionId: muted.actionId });
    } else {
      outcome = await calls[decision].mutateAsync({ target, reason });
    }
    if (outcome) {
      ctx.record(annotationId, outcome);
      setDone({ decision, actionId: outcome.actionId });
    }
    setAsking(null);
  }

  async function run(decision: Decision) {
    setError(null);
    try {
      await act(decision, "");
    } catch (cause) {
      setError(describe(cause));
    }
  }

  async function undo(actionId: string) {
    setError(null);
    try {
      const outcome = await calls.undo.mutateAsync({ actionId });
      if (outcome.thread) context?.record(annotationId, outcome);
      setDone(null);
    } catch (cause) {
      setError(describe(cause));
    }
  }

  const decisions = decisionsFor(mark, thread, author, context.viewerId);
  return (
    <details className={styles.actions} data-testid="moderation-actions">
      <summary>{t("moderate")}</summary>
      {asking ? (
        <ReasonForm
          label={t(`reasonFor_${asking}`)}
          submitLabel={t(`do_${asking}`)}
          required={NEEDS_REASON.has(asking)}
          onSubmit={(reason) => act(asking, reason)}
          onCancel={() => setAsking(null)}
        >
          {asking === "mute" ? (
            <label className={styles.row}>
              {t("muteFor")}
              <select value={hours} onChange={(event) => setHours(Number(event.target.value))}>
                {MUTE_HOURS.map((value) => (
                  <option key={value} value={value}>
                    {t("hours", { hours: value })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </ReasonForm>
      ) : (
        <div className={styles.row}>
          {decisions.map((decision) => (
            <button
              key={decision}
              type="button"
              className={decision === "remove" ? "button-danger" : "button-quiet"}
              data-decision={decision}
              onClick={() =>
                NEEDS_REASON.has(decision) ? setAsking(decision) : void run(decision)
              }
            >
              {t(`do_${decision}`)}
            </button>
          ))}
        </div>
      )}
      {done ? (
        <p className={styles.row} role="status">
          <span>{t(`done_${done.decision}`)}</span>
          <button type="button" className="button-quiet" onClick={() => void undo(done.actionId)}>
            {t("undo")}
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}
