"use client";

import { useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useMemo, useReducer } from "react";
import { useTRPC } from "~/trpc/react";
import { applyEvent, applyThreadState, fromSnapshot, type ThreadList } from "./thread-list";
import type { LiveEvent, ThreadView } from "./types";

type Action =
  | { type: "event"; event: LiveEvent }
  | { type: "outcome"; annotationId: string; thread: ThreadView | null; eventId: string };

function reducer(list: ThreadList, action: Action): ThreadList {
  if (action.type === "event") return applyEvent(list, action.event);
  return applyThreadState(list, action.annotationId, action.thread, action.eventId);
}

/** What every write returns: the thread as this viewer now sees it, and its event's id. */
export interface WriteOutcome {
  thread: ThreadView | null;
  eventId: string;
}

export type LiveStatus = "connecting" | "live" | "error";

/**
 * A text's threads, live: the server's snapshot, then every event of `live.onTextEvent` from
 * the snapshot's position (SSE; on reconnect the link resumes from the last event it got, and
 * events already applied are skipped, so nothing is missed or doubled). Anonymous readers of a
 * public text subscribe too. `record` applies a write's own answer at once, without waiting
 * for its event to come back.
 */
export function useThreadList(
  textId: string,
  snapshot: { threads: ThreadView[]; lastEventId: string },
) {
  const trpc = useTRPC();
  const [list, dispatch] = useReducer(reducer, snapshot, fromSnapshot);

  // The input stays that of the first snapshot: changing it would restart the stream, and
  // the link already keeps its own position for reconnects.
  const input = useMemo(
    () => ({ textId, lastEventId: snapshot.lastEventId }),
    [textId, snapshot.lastEventId],
  );
  const subscription = useSubscription(
    trpc.live.onTextEvent.subscriptionOptions(input, {
      onData: (tracked) => dispatch({ type: "event", event: tracked.data }),
    }),
  );
  const status: LiveStatus =
    subscription.status === "pending"
      ? "live"
      : subscription.status === "error"
        ? "error"
        : "connecting";

  const record = useCallback((annotationId: string, outcome: WriteOutcome) => {
    dispatch({ type: "outcome", annotationId, ...outcome });
  }, []);

  return { threads: list.threads, status, record };
}

/** The write procedures, each applying its answer to the list as soon as it arrives. */
export function useThreadWrites(record: (annotationId: string, outcome: WriteOutcome) => void) {
  const trpc = useTRPC();
  const onThread = (outcome: WriteOutcome, annotationId: string) => record(annotationId, outcome);
  return {
    create: useMutation(
      trpc.annotation.create.mutationOptions({
        onSuccess: (outcome) => {
          if (outcome.thread) record(outcome.thread.id, outcome);
        },
      }),
    ),
    edit: useMutation(
      trpc.annotation.edit.mutationOptions({
        onSuccess: (outcome, input) => onThread(outcome, input.annotationId),
      }),
    ),
    remove: useMutation(
      trpc.annotation.delete.mutationOptions({
        onSuccess: (outcome, input) => onThread(outcome, input.annotationId),
      }),
    ),
    reply: useMutation(
      trpc.reply.create.mutationOptions({
        onSuccess: (outcome, input) => onThread(outcome, input.annotationId),
      }),
    ),
    editReply: useMutation(
      trpc.reply.edit.mutationOptions({
        onSuccess: (outcome) => {
          if (outcome.thread) record(outcome.thread.id, outcome);
        },
      }),
    ),
    removeReply: useMutation(
      trpc.reply.delete.mutationOptions({
        onSuccess: (outcome) => {
          if (outcome.thread) record(outcome.thread.id, outcome);
        },
      }),
    ),
    react: useMutation(
      trpc.reaction.set.mutationOptions({
        onSuccess: (outcome) => {
          if (outcome.thread) record(outcome.thread.id, outcome);
        },
      }),
    ),
  };
}

export type ThreadWrites = ReturnType<typeof useThreadWrites>;
