"use client";

import { useEffect, useState } from "react";
import { TextRanges } from "./ranges";

/**
 * The offsets ↔ DOM map of the rendered text, rebuilt only when the rendered text changes
 * (the editor replacing the fallback, or re-rendering its nodes), never on selection changes.
 * Null until the text is in the page.
 */
export function useTextRanges(root: Element | null): TextRanges | null {
  const [ranges, setRanges] = useState<TextRanges | null>(null);
  useEffect(() => {
    if (!root) {
      setRanges(null);
      return;
    }
    setRanges(new TextRanges(root));
    const observer = new MutationObserver(() => setRanges(new TextRanges(root)));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [root]);
  return ranges;
}
