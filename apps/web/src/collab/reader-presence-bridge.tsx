"use client";

import { useEffect, useState } from "react";
import { useTextPresence } from "./use-text-presence";

/**
 * Interim glue until the reader calls `useTextPresence(editor.view.dom)` itself: finds the
 * reader's rendered text on the page (it mounts after hydration) and joins it to presence.
 */
export function ReaderPresenceBridge({ selector }: { selector: string }) {
  const [root, setRoot] = useState<Element | null>(null);
  useEffect(() => {
    const find = () => {
      const found = document.querySelector(selector);
      if (found) setRoot(found);
      return found !== null;
    };
    if (find()) return;
    const observer = new MutationObserver(() => {
      if (find()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [selector]);
  useTextPresence(root);
  return null;
}
