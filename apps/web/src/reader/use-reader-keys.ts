"use client";

import { type KeyboardEvent, useCallback, useRef } from "react";
import { type Caret, step, type Unit, type UnitStops, unitStops } from "./caret-moves";
import type { TextRanges } from "./ranges";
import { commandFor } from "./shortcuts";
import { readSelection } from "./use-reader-selection";

/**
 * Keyboard reading: moves and extends the page's own selection by word, sentence and
 * paragraph (the text model's segmentation), in the text's logical order, and asks to
 * annotate. The selection is the browser's, so it looks and behaves like a mouse selection
 * (and presence publishes it the same way); nothing is drawn into the text.
 */
export function useReaderKeys(options: {
  ranges: TextRanges | null;
  direction: "rtl" | "ltr";
  onAnnotate: () => void;
}): (event: KeyboardEvent<HTMLElement>) => void {
  const { ranges, direction, onAnnotate } = options;
  // Segmenting a long text takes a moment: done on the first key press, once per text.
  const stops = useRef<{ text: string; stops: Record<Unit, UnitStops> } | null>(null);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!ranges) return;
      const command = commandFor(event, direction);
      if (!command) return;
      event.preventDefault();
      if (command.type === "annotate") {
        onAnnotate();
        return;
      }
      const selection = ranges.root.ownerDocument.getSelection();
      if (command.type === "clear") {
        selection?.collapseToEnd();
        return;
      }
      if (stops.current?.text !== ranges.text) {
        stops.current = { text: ranges.text, stops: unitStops(ranges.text) };
      }
      const current = readSelection(ranges);
      const caret: Caret = current
        ? { anchor: current.anchor, focus: current.focus }
        : { anchor: 0, focus: 0 };
      const next = step(caret, stops.current.stops[command.unit], {
        forward: command.forward,
        extend: command.extend,
        length: ranges.index.length,
      });
      select(ranges, next);
    },
    [ranges, direction, onAnnotate],
  );
}

/** Sets the page's selection to a caret in code points and keeps its moving end in view. */
export function select(ranges: TextRanges, caret: Caret): void {
  const forward = caret.anchor <= caret.focus;
  const anchor = ranges.index.locate(caret.anchor, forward ? "start" : "end");
  const focus = ranges.index.locate(caret.focus, forward ? "end" : "start");
  const selection = ranges.root.ownerDocument.getSelection();
  if (!anchor || !focus || !selection) return;
  selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  const probe = ranges.root.ownerDocument.createRange();
  probe.setStart(focus.node, focus.offset);
  const rect = probe.getBoundingClientRect();
  const view = ranges.root.ownerDocument.defaultView;
  if (!view || (rect.top === 0 && rect.bottom === 0)) return;
  const margin = 48;
  if (rect.top < margin) view.scrollBy({ top: rect.top - margin });
  else if (rect.bottom > view.innerHeight - margin) {
    view.scrollBy({ top: rect.bottom - view.innerHeight + margin });
  }
}
