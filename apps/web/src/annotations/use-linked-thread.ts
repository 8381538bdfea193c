"use client";

import { useEffect, useRef } from "react";

/** The query parameter with which links open a thread: `/texts/<id>?thread=<annotationId>`. */
export const THREAD_PARAM = "thread";

/**
 * Opens the thread a link names — from the dashboard's confusion report, a notification or an
 * email — once the threads have loaded, and only if this reader may see it (it is among their
 * threads); otherwise the text simply opens.
 */
export function useLinkedThread(
  threads: readonly { id: string }[] | null | undefined,
  open: (annotationId: string) => void,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !threads) return;
    done.current = true;
    const id = new URLSearchParams(window.location.search).get(THREAD_PARAM);
    if (id && threads.some((thread) => thread.id === id)) open(id);
  }, [threads, open]);
}
