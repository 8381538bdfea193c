"use client";

import { useEffect, useState } from "react";

/**
 * True once `ready` has held and the browser has then had an idle moment (or `timeout` ms
 * have passed, whichever comes first): for work that must not delay what the reader sees
 * first, such as loading the threads' bodies or an editor's code once the text is painted.
 */
export function useIdleAfter(ready: boolean, timeout = 300): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(() => setIdle(true), { timeout });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(() => setIdle(true), 50);
    return () => clearTimeout(handle);
  }, [ready, idle, timeout]);
  return idle;
}
