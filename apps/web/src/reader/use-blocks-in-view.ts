"use client";

import { useEffect, useState } from "react";

/** A viewport above and below the visible one: overlays there are ready before they scroll in. */
const NEAR = "100% 0px";

const NONE: ReadonlySet<number> = new Set();

/**
 * Indices of the text's blocks (the children of `root`) within a viewport's height of the
 * visible part of the page. The reader lays out only those (`content-visibility: auto` in
 * globals.css), so overlays are measured there only: measuring a block the browser skipped
 * would make it lay that block out, and measuring them all would lay out the whole text.
 * Null where IntersectionObserver is missing: then every block counts as near.
 */
export function useBlocksInView(root: Element | null): ReadonlySet<number> | null {
  const [near, setNear] = useState<ReadonlySet<number> | null>(NONE);
  useEffect(() => {
    if (!root) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(null);
      return;
    }
    const blocks = Array.from(root.children);
    const indexOf = new Map(blocks.map((block, i) => [block, i]));
    const current = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const i = indexOf.get(entry.target);
          if (i === undefined) continue;
          if (entry.isIntersecting) current.add(i);
          else current.delete(i);
        }
        setNear(new Set(current));
      },
      { rootMargin: NEAR },
    );
    for (const block of blocks) observer.observe(block);
    return () => observer.disconnect();
  }, [root]);
  return near;
}

/** Whether a block is near the viewport (`near` null: no way to tell, so yes). */
export function isNear(near: ReadonlySet<number> | null, block: number): boolean {
  return near === null || near.has(block);
}
