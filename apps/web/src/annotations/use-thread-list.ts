"use client";

import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useMemo, useReducer } from "react";
import { useTRPC } from "~/trpc/react";
import { applyEvent, applyThreadState, fromSnapshot, type ThreadList } from "./thread-list";
import type { LiveEvent, ThreadView } from "./types";

type Action =
  | { type: "snapshot"; snapshot: { threads: ThreadView[]; lastEventId: string } }
  | { type: "event"; event: LiveEvent }
  | { type: "outcome"; annotationId: string; thread: ThreadView | null; eventId: string };

/**
 * The list once its snapshot is in; before that, writes answered early wait in `early` (a
 * write may finish before the snapshot arrives) and are applied over it by their event ids.
 */
interface State {
  list: ThreadList | null;
  early: Action[];
}

function apply(list: ThreadList, action: Action): ThreadList {
  if (action.type === "snapshot") return list; // the first snapshot only: the stream keeps it
  if (action.type === "event") return applyEvent(list, action.event);
  return applyThreadState(list, action.annotationId, action.thread, action.eventId);
}

function reducer(state: State, action: Action): State {
  if (state.list) {
    const list = apply(state.list, action);
    return list === state.list ? state : { list, early: [] };
  }
  if (action.type !== "snapshot") return { list: null, early: [...state.early, action] };
  return { list: state.early.reduce(apply, fromSnapshot(action.snapshot)), early: [] };
}

const EMPTY: State = { list: null, early: [] };

/** What every write returns: the thread as this viewer now sees it, and its event's id. */
export interface WriteOutcome {
  thread: ThreadView | null;
  eventId: string;
}

export type LiveStatus = "connecting" | "live" | "error";

/**
 * A text's threads, live: `annotation.list` fetched once `enabled` (the page's text is up:
 * the server rendered only the passages, so the text paints at once), then every event of
 * `live.onTextEvent` from that snapshot's position (SSE; on reconnect the link resumes from
 * the last event it got, and events already applied are skipped, so nothing is missed or
 * doubled). Null until the snapshot arrives. Anonymous readers of a public text subscribe
 * too. `record` applies a write's own answer at once, without waiting for its event.
 */
export function useThreadList(textId: string, enabled = true) {
  const trpc = useTRPC();
  const [state, dispatch] = useReducer(reducer, EMPTY);
  const snapshot = useQuery(
    trpc.annotation.list.queryOptions(
      { textId },
      // Fetched once: from then on the live stream keeps the list current.
      {
        enabled,
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    ),
  );
  useEffect(() => {
    if (snapshot.data) dispatch({ type: "snapshot", snapshot: snapshot.data });
  }, [snapshot.data]);

  // The input stays that of the first snapshot: changing it would restart the stream, and
  // the link already keeps its own position for reconnects.
  const from = state.list?.snapshotEventId ?? null;
  const input = useMemo(
    () => (from === null ? skipToken : { textId, lastEventId: from }),
    [textId, from],
  );
  const subscription = useSubscription(
    trpc.live.onTextEvent.subscriptionOptions(input, {
      onData: (tracked) => dispatch({ type: "event", event: tracked.data }),
    }),
  );
  const status: LiveStatus =
    snapshot.isError || subscription.status === "error"
      ? "error"
      : subscription.status === "pending"
        ? "live"
        : "connecting";

  const record = useCallback((annotationId: string, outcome: WriteOutcome) => {
    dispatch({ type: "outcome", annotationId, ...outcome });
  }, []);

  return { threads: state.list?.threads ?? null, status, record };
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
