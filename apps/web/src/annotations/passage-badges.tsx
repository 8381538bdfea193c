"use client";

import { useTranslations } from "next-intl";
import { memo, useLayoutEffect, useState } from "react";
import type { Passage } from "~/reader/overlaps";
import type { TextRanges } from "~/reader/ranges";
import { isNear } from "~/reader/use-blocks-in-view";
import type { Anchor } from "./anchors";

interface Badge {
  passage: Passage<Anchor>;
  top: number;
}

/**
 * A small count per passage in the margin between the text and the threads, at the height
 * of the passage's first line (measured with getClientRects; nothing enters the text). Only
 * passages in blocks near the viewport get one (`near`): the others are neither laid out nor
 * seen, and measuring them all would lay out the whole text.
 */
export const PassageBadges = memo(function PassageBadges({
  ranges,
  passages,
  near,
  container,
  tick,
  onOpen,
}: {
  ranges: TextRanges | null;
  passages: Passage<Anchor>[];
  near: ReadonlySet<number> | null;
  container: HTMLElement | null;
  tick: number;
  onOpen: (passage: Passage<Anchor>) => void;
}) {
  const t = useTranslations("annotations");
  const [badges, setBadges] = useState<Badge[]>([]);
  // `tick` reruns this when the text reflows (resize, fonts). All reads, then one state
  // update: a single layout pass however many passages there are.
  useLayoutEffect(() => {
    if (!ranges || !container) {
      setBadges([]);
      return;
    }
    const top = container.getBoundingClientRect().top;
    const next: Badge[] = [];
    for (const passage of passages) {
      if (!isNear(near, ranges.index.blockAt(passage.start))) continue;
      const first = ranges.toRange(passage)?.getClientRects()[0];
      if (first) next.push({ passage, top: first.top - top });
    }
    setBadges(next);
  }, [ranges, passages, near, container, tick]);

  return (
    <div className="passage-badges">
      {badges.map(({ passage, top }) => (
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
      ))}
    </div>
  );
});
