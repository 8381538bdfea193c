"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { announceAccessRevoked, useAccessRevoked } from "~/courses/access-events";
import { useTRPC } from "~/trpc/react";
import { applyEvent, applyThreadState, fromSnapshot, type ThreadList } from "./thread-list";
import type { LiveEvent, ThreadView } from "./types";

type Snapshot = { threads: ThreadView[]; lastEventId: string };

type Action =
  | { type: "snapshot"; snapshot: Snapshot }
  /** The viewer's access changed: the discussion as they may now see it, read again. */
  | { type: "reset"; snapshot: Snapshot }
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
  // The first snapshot only: the stream keeps it (a reset replaces the list in `reducer`).
  if (action.type === "snapshot" || action.type === "reset") return list;
  if (action.type === "event") return applyEvent(list, action.event);
  return applyThreadState(list, action.annotationId, action.thread, action.eventId);
}

function reducer(state: State, action: Action): State {
  if (action.type === "reset") return { list: fromSnapshot(action.snapshot), early: [] };
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

export type LiveStatus = "connecting" | "live" | "error" | "ended";

/** Refusals of the live stream that mean the reader lost access to the text (no retry helps). */
function isAccessLost(error: unknown): boolean {
  const code = error instanceof TRPCClientError ? error.data?.appCode : null;
  return code === "course.access_revoked" || code === "not_found";
}

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
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(reducer, EMPTY);
  // Lost access while reading (removed from the course): no more live updates, no writing.
  // Said by this stream, or by the collab server's close of the text's documents.
  const [refused, setRefused] = useState(false);
  const revoked = useAccessRevoked(textId) || refused;
  const loseAccess = useCallback(() => {
    setRefused(true);
    announceAccessRevoked(textId);
  }, [textId]);
  // What the reader may see changed (a role, the settings, the course archived): read the
  // discussion again, and the server-rendered parts of the page (who may write) with it.
  const resync = useCallback(async () => {
    try {
      const fresh = await queryClient.fetchQuery({
        ...trpc.annotation.list.queryOptions({ textId }),
        staleTime: 0,
      });
      dispatch({ type: "reset", snapshot: fresh });
      router.refresh();
    } catch (error) {
      if (isAccessLost(error)) loseAccess();
    }
  }, [queryClient, trpc, textId, router, loseAccess]);
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
    () => (from === null || revoked ? skipToken : { textId, lastEventId: from }),
    [textId, from, revoked],
  );
  const subscription = useSubscription(
    trpc.live.onTextEvent.subscriptionOptions(input, {
      onData: (tracked) => {
        const event = tracked.data;
        if (event.type === "access.revoked") loseAccess();
        else if (event.type === "access.changed") void resync();
        else dispatch({ type: "event", event });
      },
      onError: (error) => {
        if (isAccessLost(error)) loseAccess();
      },
    }),
  );
  const status: LiveStatus = revoked
    ? "ended"
    : snapshot.isError || subscription.status === "error"
      ? "error"
      : subscription.status === "pending"
        ? "live"
        : "connecting";

  const record = useCallback((annotationId: string, outcome: WriteOutcome) => {
    dispatch({ type: "outcome", annotationId, ...outcome });
  }, []);

  return { threads: state.list?.threads ?? null, status, record, revoked };
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
