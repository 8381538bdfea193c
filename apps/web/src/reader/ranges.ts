import { CanonicalIndex, type Side } from "./canonical-index";

/** A half-open range of code points in the canonical text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Canonical code-point offsets ↔ DOM Ranges over the rendered text. The blocks are the direct
 * children of `root` (ProseMirror renders one element per paragraph or heading); inside a
 * block only text nodes count, so marks or widgets never shift an offset. Built once per
 * render of the text (O(n)); each conversion is a binary search.
 */
export class TextRanges {
  readonly index: CanonicalIndex<Text>;

  constructor(readonly root: Element) {
    const blocks = Array.from(root.children, (block) => textNodesOf(block));
    this.index = new CanonicalIndex(blocks, (node) => node.data);
  }

  /** The canonical string as rendered (the blocks' text joined by "\n"). */
  get text(): string {
    return this.index.text;
  }

  /** A live DOM Range over a code-point span (clamped to the text), or null for an empty text. */
  toRange({ start, end }: TextSpan): Range | null {
    const from = this.index.locate(Math.min(start, end), "start");
    const to = this.index.locate(Math.max(start, end), "end");
    if (!from || !to) return null;
    const range = this.root.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The code-point offset of a DOM boundary point (clamped to the text when outside it). */
  fromPoint(node: Node, offset: number, side: Side): number {
    if (node.nodeType === Node.TEXT_NODE) {
      const leaf = this.index.leafIndex(node as Text);
      if (leaf >= 0) return this.index.codePointAt(leaf, offset, side);
    }
    // An element boundary (or a text node outside the text, like a widget's): the nearest
    // text node following it for a start, preceding it for an end.
    const leaves = this.index.leaves;
    const probe = this.root.ownerDocument.createRange();
    probe.setStart(node, offset);
    // First leaf whose start lies at or after the point.
    let lo = 0;
    let hi = leaves.length;
    try {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (probe.comparePoint(leaves[mid]!.node, 0) < 0) lo = mid + 1;
        else hi = mid;
      }
    } catch {
      // A point in another tree: nothing of the text is before or after it.
      return side === "start" ? 0 : this.index.length;
    }
    if (side === "start") {
      return lo < leaves.length ? this.index.codePointAt(lo, 0, "start") : this.index.length;
    }
    if (lo === 0) return 0;
    // The point may lie inside the preceding leaf's parent after that leaf (end of a block).
    return this.index.codePointAt(lo - 1, leaves[lo - 1]!.length, "end");
  }

  /** The code-point span of a DOM Range, or null when it does not touch the text. */
  fromRange(range: AbstractRange | Range): TextSpan | null {
    if (!this.intersects(range)) return null;
    const start = this.fromPoint(range.startContainer, range.startOffset, "start");
    const end = this.fromPoint(range.endContainer, range.endOffset, "end");
    return { start: Math.min(start, end), end: Math.max(start, end) };
  }

  /**
   * Whether a DOM range touches the text at all. False, never an exception, for a range in
   * another tree (a detached node, a shadow root) or once this text has left the page (the
   * editor replaced the fallback): a selection elsewhere is simply not in the text.
   */
  intersects(range: AbstractRange | Range): boolean {
    if (!this.root.isConnected) return false;
    const whole = this.root.ownerDocument.createRange();
    whole.selectNodeContents(this.root);
    try {
      // Disjoint when the range ends before the text begins or starts after it ends.
      return (
        whole.comparePoint(range.endContainer, range.endOffset) >= 0 &&
        whole.comparePoint(range.startContainer, range.startOffset) <= 0
      );
    } catch {
      return false;
    }
  }
}

function textNodesOf(block: Element): Text[] {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
