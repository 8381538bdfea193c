/** Where a rectangle of the text lies in an overlay container, in the container's logical terms. */
export interface LogicalBox {
  blockStart: number;
  blockEnd: number;
  inlineStart: number;
  inlineEnd: number;
}

/**
 * Converts a client rect (from getClientRects) into offsets from the container's block-start
 * and inline-start edges, so overlays are placed with logical properties (inset-inline-start)
 * and mirror with the interface direction like the rest of the page.
 */
export function logicalBox(rect: DOMRectReadOnly, container: Element): LogicalBox {
  const box = container.getBoundingClientRect();
  const rtl = getComputedStyle(container).direction === "rtl";
  return {
    blockStart: rect.top - box.top,
    blockEnd: rect.bottom - box.top,
    inlineStart: rtl ? box.right - rect.right : rect.left - box.left,
    inlineEnd: rtl ? box.right - rect.left : rect.right - box.left,
  };
}
