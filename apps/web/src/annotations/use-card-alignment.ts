"use client";

import { useLayoutEffect } from "react";
import { alignCards } from "./align";

/** Beside the text only from this width on; narrower, the panel sits under the text. */
const WIDE = "(min-width: 62rem)";
const GAP = 12;

/**
 * Sets each card's top margin so that it sits beside its passage when there is room (and just
 * under the card before when there is not). Cards stay in reading order in the DOM; only
 * their margins change, so the list reads the same to keyboards and screen readers. Reruns
 * when the cards change size (a reply opens) or the text reflows (`tick`).
 */
export function useCardAlignment(
  list: HTMLElement | null,
  ids: readonly string[],
  passageTop: (id: string) => number | null,
  tick: number,
): void {
  useLayoutEffect(() => {
    if (!list) return;
    // One pass over the list's children (a text may carry thousands of threads).
    const cards = () => {
      const byId = new Map<string, HTMLElement>();
      for (const child of Array.from(list.children)) {
        const id = (child as HTMLElement).dataset.card;
        if (id) byId.set(id, child as HTMLElement);
      }
      return ids
        .map((id) => byId.get(id))
        .filter((card): card is HTMLElement => card !== undefined);
    };
    const run = () => {
      const wide = window.matchMedia(WIDE).matches;
      const elements = cards();
      if (!wide) {
        for (const card of elements) card.style.marginBlockStart = "";
        return;
      }
      const listTop = list.getBoundingClientRect().top;
      const items = elements.map((card) => {
        const id = card.dataset.card ?? "";
        const top = passageTop(id);
        return { id, want: top === null ? 0 : top - listTop, height: card.offsetHeight };
      });
      const tops = alignCards(items, GAP);
      let floor = 0;
      items.forEach((item, i) => {
        const top = tops.get(item.id) ?? floor;
        elements[i]!.style.marginBlockStart = `${Math.max(0, top - floor)}px`;
        floor = top + item.height;
      });
    };
    run();
    // Card heights do not depend on their margins, so this cannot loop.
    const observer = new ResizeObserver(() => run());
    for (const card of cards()) observer.observe(card);
    const media = window.matchMedia(WIDE);
    media.addEventListener("change", run);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", run);
    };
  }, [list, ids, passageTop, tick]);
}
