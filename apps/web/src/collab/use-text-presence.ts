"use client";

import { useEffect, useRef } from "react";
import { TextRanges } from "~/reader/ranges";
import { clearLayer, paintLayer } from "./highlights";
import { usePresence } from "./presence";

/**
 * Joins the reader to presence: publishes this tab's selection in the text (as canonical code
 * points) and paints the other readers' selections over the text in their colours. `root` is
 * the element whose children are the text's blocks (the reader's `.ProseMirror`), or null
 * until it exists. Call it once, inside a <PresenceProvider>.
 */
export function useTextPresence(root: Element | null): void {
  const { readers, setSelection, status } = usePresence();
  const index = useRef<TextRanges | null>(null);

  // The offsets ↔ DOM map is rebuilt only when the rendered text changes (a re-render may
  // replace its text nodes), not on every selection change.
  useEffect(() => {
    if (!root) return;
    index.current = new TextRanges(root);
    const observer = new MutationObserver(() => {
      index.current = new TextRanges(root);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      index.current = null;
    };
  }, [root]);

  useEffect(() => {
    if (!root || status === "off") return;
    const onSelectionChange = () => {
      const selection = root.ownerDocument.getSelection();
      const ranges = index.current;
      if (!ranges || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
        setSelection(null);
        return;
      }
      const span = ranges.fromRange(selection.getRangeAt(0));
      setSelection(span && span.end > span.start ? span : null);
    };
    root.ownerDocument.addEventListener("selectionchange", onSelectionChange);
    return () => root.ownerDocument.removeEventListener("selectionchange", onSelectionChange);
  }, [root, status, setSelection]);

  useEffect(() => {
    const ranges = index.current;
    if (!root || !ranges) return;
    paintLayer(
      "presence",
      readers.flatMap(({ user, selection }) => {
        const range = selection ? ranges.toRange(selection) : null;
        return range ? [{ user, ranges: [range] }] : [];
      }),
    );
  }, [root, readers]);

  useEffect(() => () => clearLayer("presence"), []);
}
