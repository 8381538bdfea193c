"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from "react";
import type { ThreadView } from "~/annotations/types";
import { useTRPC } from "~/trpc/react";

type Record = (
  annotationId: string,
  outcome: { thread: ThreadView | null; eventId: string },
) => void;

/** What the moderation controls on a text's thread cards need from the page around them. */
export interface ModerationContextValue {
  courseId: string;
  /** The viewer moderates the course (its moderators and instructors, admins). */
  canModerate: boolean;
  /** The viewer may report what they see (members, admins). */
  canFlag: boolean;
  viewerId: string | null;
  /** Applies a moderation call's answer to the thread list at once (the live event follows). */
  record: Record;
  /** The thread list hands over its `record` (see {@link useModerationBridge}). */
  register: (record: Record | null) => void;
  /** Called after the viewer posted: while "reveal after posting" holds work back, re-reads. */
  afterPost: () => void;
}

const ModerationContext = createContext<ModerationContextValue | null>(null);

/**
 * Provides the moderation controls' context to a text page. `revealHeld`: the course still
 * holds classmates' work back from this viewer, so their next post re-reads the page (the
 * server decides whether it opens it, and the thread list starts again from a fresh snapshot).
 */
export function ModerationProvider({
  textId,
  courseId,
  canModerate,
  canFlag,
  viewerId,
  revealHeld,
  children,
}: {
  textId: string;
  courseId: string;
  canModerate: boolean;
  canFlag: boolean;
  viewerId: string | null;
  revealHeld: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const recordRef = useRef<Record | null>(null);
  const value = useMemo<ModerationContextValue>(
    () => ({
      courseId,
      canModerate,
      canFlag,
      viewerId,
      record: (annotationId, outcome) => recordRef.current?.(annotationId, outcome),
      register: (record) => {
        recordRef.current = record;
      },
      afterPost: () => {
        if (!revealHeld) return;
        // The page is read again; if it now opens classmates' work, the thread list mounts
        // afresh (its key), and must not start from the snapshot cached before.
        queryClient.removeQueries({ queryKey: trpc.annotation.list.queryKey({ textId }) });
        router.refresh();
      },
    }),
    [textId, courseId, canModerate, canFlag, viewerId, revealHeld, router, trpc, queryClient],
  );
  return <ModerationContext.Provider value={value}>{children}</ModerationContext.Provider>;
}

export function useModeration(): ModerationContextValue | null {
  return useContext(ModerationContext);
}

/** For the thread list: hands its `record` to the moderation controls; gives `afterPost`. */
export function useModerationBridge(record: Record): { afterPost: () => void } {
  const context = useModeration();
  useEffect(() => {
    context?.register(record);
    return () => context?.register(null);
  }, [context, record]);
  return { afterPost: () => context?.afterPost() };
}
