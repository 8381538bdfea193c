"use client";

import { useLayoutEffect, useState } from "react";
import { type LogicalBox, logicalBox } from "./overlay-position";
import type { TextRanges } from "./ranges";

/**
 * A visible caret for keyboard reading: a read-only text shows no caret of its own, so the
 * collapsed selection is drawn as a thin bar in an overlay (never inside the text).
 */
export function KeyboardCaret({
  ranges,
  at,
  container,
  tick,
}: {
  ranges: TextRanges | null;
  at: number | null;
  container: HTMLElement | null;
  tick: number;
}) {
  const [box, setBox] = useState<LogicalBox | null>(null);
  // `tick` reruns this when the text reflows (resize, fonts).
  useLayoutEffect(() => {
    if (!ranges || at === null || !container) {
      setBox(null);
      return;
    }
    const range = ranges.toRange({ start: at, end: at });
    const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
    setBox(rect && rect.height > 0 ? logicalBox(rect, container) : null);
  }, [ranges, at, container, tick]);
  if (!box) return null;
  return (
    <span
      className="keyboard-caret"
      aria-hidden="true"
      data-testid="keyboard-caret"
      style={{
        insetBlockStart: box.blockStart,
        blockSize: box.blockEnd - box.blockStart,
        insetInlineStart: box.inlineStart,
      }}
    />
  );
}
