"use client";

import { useEffect, useState } from "react";

/**
 * A counter that changes whenever the text may have reflowed: the element resizes (window,
 * panel, zoom), or a web font finishes loading (Arabic fonts change every line's width).
 * Highlights follow by themselves (they are live Ranges); whatever is positioned from
 * getClientRects (badges, cards, the Annotate button) recomputes on each tick.
 */
export function useLayoutTick(element: Element | null): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!element) return;
    let frame = 0;
    const bump = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    const observer = new ResizeObserver(bump);
    observer.observe(element);
    const fonts = element.ownerDocument.fonts;
    fonts.addEventListener("loadingdone", bump);
    void fonts.ready.then(bump);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      fonts.removeEventListener("loadingdone", bump);
    };
  }, [element]);
  return tick;
}
