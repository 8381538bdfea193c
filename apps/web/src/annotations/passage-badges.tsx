"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useState } from "react";
import type { Passage } from "~/reader/overlaps";
import { logicalBox } from "~/reader/overlay-position";
import type { TextRanges } from "~/reader/ranges";
import type { ThreadView } from "./types";

/**
 * A small count per passage in the margin between the text and the threads, at the height
 * of the passage's first line (measured with getClientRects; nothing enters the text).
 */
export function PassageBadges({
  ranges,
  passages,
  container,
  tick,
  onOpen,
}: {
  ranges: TextRanges | null;
  passages: Passage<ThreadView>[];
  container: HTMLElement | null;
  tick: number;
  onOpen: (passage: Passage<ThreadView>) => void;
}) {
  const t = useTranslations("annotations");
  const [tops, setTops] = useState<(number | null)[]>([]);
  // `tick` reruns this when the text reflows (resize, fonts).
  useLayoutEffect(() => {
    if (!ranges || !container) {
      setTops([]);
      return;
    }
    setTops(
      passages.map((passage) => {
        const first = ranges.toRange(passage)?.getClientRects()[0];
        return first ? logicalBox(first, container).blockStart : null;
      }),
    );
  }, [ranges, passages, container, tick]);

  return (
    <div className="passage-badges">
      {passages.map((passage, i) => {
        const top = tops[i];
        if (top === null || top === undefined) return null;
        return (
          <button
            key={`${passage.start}-${passage.items[0]?.id}`}
            type="button"
            className="passage-badge"
            style={{ insetBlockStart: top }}
            aria-label={t("badgeLabel", { count: passage.items.length })}
            data-testid="passage-badge"
            onClick={() => onOpen(passage)}
          >
            {passage.items.length}
          </button>
        );
      })}
    </div>
  );
}
