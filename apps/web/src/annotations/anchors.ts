import { useMemo, useRef } from "react";
import type { TextSpan } from "~/reader/ranges";
import type { ThreadView } from "./types";

/** Where one thread's passage is (`annotation.anchors`, or a thread of the list). */
export interface Anchor extends TextSpan {
  id: string;
}

/** The passages painted over the text, and each by its thread's id. */
export interface PaintedAnchors {
  list: readonly Anchor[];
  byId: ReadonlyMap<string, Anchor>;
}

function index(list: readonly Anchor[]): PaintedAnchors {
  return { list, byId: new Map(list.map((anchor) => [anchor.id, anchor])) };
}

/** Whether two sets of anchors paint the same passages (in any order). */
export function sameAnchors(a: PaintedAnchors, list: readonly Anchor[]): boolean {
  if (a.list.length !== list.length) return false;
  return list.every((anchor) => {
    const other = a.byId.get(anchor.id);
    return other !== undefined && other.start === anchor.start && other.end === anchor.end;
  });
}

/**
 * The passages to paint: the server's anchors until the threads arrive, then the shown
 * threads that have a passage (orphans have none). When the threads arrive with exactly the
 * anchors already painted, the same object is kept, so nothing is painted or measured twice.
 */
export function usePaintedAnchors(
  anchors: readonly Anchor[],
  shown: readonly ThreadView[] | null,
): PaintedAnchors {
  const previous = useRef<PaintedAnchors | null>(null);
  return useMemo(() => {
    const list = shown ? shown.filter((thread) => thread.anchorState !== "orphaned") : anchors;
    const kept = previous.current;
    if (kept && sameAnchors(kept, list)) return kept;
    previous.current = index(list);
    return previous.current;
  }, [anchors, shown]);
}
