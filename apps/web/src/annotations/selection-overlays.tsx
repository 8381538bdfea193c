"use client";

import { type RefObject, useEffect, useState } from "react";
import { KeyboardCaret } from "~/reader/keyboard-caret";
import type { TextRanges } from "~/reader/ranges";
import { useReaderSelection } from "~/reader/use-reader-selection";
import { AnnotateButton } from "./annotate-button";

/**
 * What follows the reader's selection: the Annotate button under it and, while the text has
 * focus, the keyboard caret. Kept in a component of its own so that a selection change
 * re-renders these two overlays only, never the text or the thread panel beside it.
 */
export function SelectionOverlays({
  ranges,
  article,
  container,
  tick,
  canAnnotate,
  onAnnotate,
}: {
  ranges: TextRanges | null;
  /** The text's article, whose focus shows the caret. */
  article: RefObject<HTMLElement | null>;
  container: HTMLElement | null;
  tick: number;
  /** Whether the Annotate button may show (a member, with no composer open). */
  canAnnotate: boolean;
  onAnnotate: () => void;
}) {
  const selection = useReaderSelection(ranges);
  const focused = useFocusWithin(article);
  const caretAt = focused && selection && selection.span === null ? selection.focus : null;
  return (
    <>
      {canAnnotate ? (
        <AnnotateButton
          ranges={ranges}
          span={selection?.span ?? null}
          container={container}
          tick={tick}
          onAnnotate={onAnnotate}
        />
      ) : null}
      <KeyboardCaret ranges={ranges} at={caretAt} container={container} tick={tick} />
    </>
  );
}

/** Whether focus is on the element (or inside it). */
function useFocusWithin(ref: RefObject<HTMLElement | null>): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const focus = () => setFocused(true);
    const blur = () => setFocused(false);
    setFocused(element.contains(element.ownerDocument.activeElement));
    element.addEventListener("focusin", focus);
    element.addEventListener("focusout", blur);
    return () => {
      element.removeEventListener("focusin", focus);
      element.removeEventListener("focusout", blur);
    };
  }, [ref]);
  return focused;
}
