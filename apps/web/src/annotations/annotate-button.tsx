"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useState } from "react";
import { type LogicalBox, logicalBox } from "~/reader/overlay-position";
import type { TextRanges, TextSpan } from "~/reader/ranges";

/**
 * The floating "Annotate" button under the end of the selection, in an overlay beside the
 * text (never inside it). Pressing it must not clear the selection first, hence the
 * mousedown guard.
 */
export function AnnotateButton({
  ranges,
  span,
  container,
  tick,
  onAnnotate,
}: {
  ranges: TextRanges | null;
  span: TextSpan | null;
  container: HTMLElement | null;
  tick: number;
  onAnnotate: () => void;
}) {
  const t = useTranslations("annotations");
  const [box, setBox] = useState<LogicalBox | null>(null);
  // `tick` reruns this when the text reflows (resize, fonts).
  useLayoutEffect(() => {
    if (!ranges || !span || !container) {
      setBox(null);
      return;
    }
    const rects = ranges.toRange(span)?.getClientRects();
    const last = rects?.[rects.length - 1];
    setBox(last ? logicalBox(last, container) : null);
  }, [ranges, span?.start, span?.end, container, tick]);
  if (!box) return null;
  return (
    <button
      type="button"
      className="annotate-button button"
      style={{ insetBlockStart: box.blockEnd + 6, insetInlineStart: Math.max(0, box.inlineStart) }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAnnotate}
      aria-keyshortcuts="Control+Alt+A"
    >
      {t("annotate")}
    </button>
  );
}
