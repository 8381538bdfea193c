"use client";

import { useEffect, useState } from "react";
import type { TextRanges, TextSpan } from "./ranges";

export interface ReaderSelection {
  /** The selected span of the text (not collapsed), in code points. */
  span: TextSpan | null;
  /** The anchor and focus, in the order the user made them (for keyboard extending). */
  anchor: number;
  focus: number;
}

/**
 * The page's selection as it concerns the text, in canonical code points: null when nothing
 * of the text is selected. Mouse, touch and the keyboard commands all end up here.
 */
export function useReaderSelection(ranges: TextRanges | null): ReaderSelection | null {
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  useEffect(() => {
    if (!ranges) return;
    const doc = ranges.root.ownerDocument;
    // selectionchange also fires while typing elsewhere (the composer): only a change that
    // concerns the text re-renders the page.
    const update = () => {
      const next = readSelection(ranges);
      setSelection((previous) => (sameSelection(previous, next) ? previous : next));
    };
    update();
    doc.addEventListener("selectionchange", update);
    return () => doc.removeEventListener("selectionchange", update);
  }, [ranges]);
  return selection;
}

/** The DOM selection in code points, or null when it is not in the text. */
export function readSelection(ranges: TextRanges): ReaderSelection | null {
  const selection = ranges.root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) {
    return null;
  }
  const range = selection.getRangeAt(0);
  if (!ranges.intersects(range)) return null;
  const backwards =
    !selection.isCollapsed &&
    range.startContainer === selection.focusNode &&
    range.startOffset === selection.focusOffset;
  const anchor = ranges.fromPoint(
    selection.anchorNode,
    selection.anchorOffset,
    backwards ? "end" : "start",
  );
  const focus = ranges.fromPoint(
    selection.focusNode,
    selection.focusOffset,
    backwards ? "start" : "end",
  );
  const span = selection.isCollapsed ? null : ranges.fromRange(range);
  return { span: span && span.end > span.start ? span : null, anchor, focus };
}

function sameSelection(a: ReaderSelection | null, b: ReaderSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.anchor === b.anchor &&
    a.focus === b.focus &&
    a.span?.start === b.span?.start &&
    a.span?.end === b.span?.end
  );
}
