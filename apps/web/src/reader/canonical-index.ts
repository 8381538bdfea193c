import { OffsetMap } from "@hashiya/text-model";

/** A text node of the rendered text, placed in the canonical string (UTF-16 units). */
export interface Leaf<N> {
  node: N;
  block: number;
  /** UTF-16 offset of the node's first unit in the canonical string. */
  start: number;
  length: number;
}

/** A point inside one text node, as the DOM's Range and Selection want it. */
export interface LeafPoint<N> {
  node: N;
  offset: number;
}

/**
 * Which side wins where two text nodes meet: a range's start belongs to the node that
 * follows, its end to the node that precedes, so a range never begins or ends on an empty
 * sliver of a neighbouring node (or of the previous paragraph).
 */
export type Side = "start" | "end";

/**
 * The rendered text as the canonical string sees it: blocks of text nodes, blocks joined by
 * "\n". Pure (the node type is a parameter), so the arithmetic is tested without a DOM; the
 * DOM adapter is ranges.ts. Positions outside are Unicode code points, as stored everywhere;
 * UTF-16 exists only here, at the edge where the DOM needs it.
 */
export class CanonicalIndex<N> {
  readonly text: string;
  readonly leaves: Leaf<N>[] = [];
  /** UTF-16 start of each block in the canonical string. */
  private readonly blockStarts: number[] = [];
  private readonly offsets: OffsetMap;
  private readonly leafOf = new Map<N, number>();

  constructor(blocks: readonly (readonly N[])[], textOf: (node: N) => string) {
    const parts: string[] = [];
    let at = 0;
    blocks.forEach((nodes, block) => {
      if (block > 0) at += 1; // the "\n" between blocks
      this.blockStarts.push(at);
      for (const node of nodes) {
        const text = textOf(node);
        this.leafOf.set(node, this.leaves.length);
        this.leaves.push({ node, block, start: at, length: text.length });
        parts.push(text);
        at += text.length;
      }
      parts.push("\n");
    });
    parts.pop();
    this.text = parts.join("");
    this.offsets = new OffsetMap(this.text);
  }

  /** Length of the canonical string in code points. */
  get length(): number {
    return this.offsets.length;
  }

  /** The leaf index of a node, or -1 when the node is not part of the text. */
  leafIndex(node: N): number {
    return this.leafOf.get(node) ?? -1;
  }

  /**
   * Code-point offset of a point in a leaf. A point between a surrogate pair's halves moves
   * outwards in the direction `side` asks (a start backwards, an end forwards), so a
   * selection never cuts an emoji in two.
   */
  codePointAt(leaf: number, utf16Offset: number, side: Side): number {
    const found = this.leaves[leaf];
    if (!found) throw new RangeError(`no text node ${leaf}`);
    const clamped = Math.max(0, Math.min(found.length, utf16Offset));
    return this.offsets.fromUtf16(found.start + clamped, side === "start" ? "before" : "after");
  }

  /** Code-point offset of the start (or end) of a block. */
  blockBoundary(block: number, side: Side): number {
    const start = this.blockStarts[block];
    if (start === undefined) return side === "start" ? 0 : this.length;
    if (side === "start") return this.offsets.fromUtf16(start);
    const next = this.blockStarts[block + 1];
    return this.offsets.fromUtf16(next === undefined ? this.text.length : next - 1);
  }

  /** Block index holding a code-point offset (a block's end belongs to it). */
  blockAt(codePoint: number): number {
    const utf16 = this.offsets.toUtf16(this.clamp(codePoint));
    let lo = 0;
    let hi = this.blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blockStarts[mid]! <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The text node and UTF-16 offset for a code-point offset, or null for a text with no
   * text nodes. Offsets outside the text are clamped to it.
   */
  locate(codePoint: number, side: Side): LeafPoint<N> | null {
    if (this.leaves.length === 0) return null;
    const utf16 = this.offsets.toUtf16(this.clamp(codePoint));
    // The first leaf that ends at or after the point (for an end: ends at or after; for a
    // start: ends strictly after, so the point lands at the start of the next node).
    let lo = 0;
    let hi = this.leaves.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const leaf = this.leaves[mid]!;
      const end = leaf.start + leaf.length;
      if (side === "end" ? end < utf16 : end <= utf16) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.leaves.length) {
      const last = this.leaves[this.leaves.length - 1]!;
      return { node: last.node, offset: last.length };
    }
    const leaf = this.leaves[lo]!;
    if (utf16 < leaf.start) {
      // In a gap (the "\n" between blocks): a start goes to the next node's start, an end to
      // the previous node's end.
      const previous = this.leaves[lo - 1];
      if (side === "end" && previous) return { node: previous.node, offset: previous.length };
      return { node: leaf.node, offset: 0 };
    }
    return { node: leaf.node, offset: utf16 - leaf.start };
  }

  private clamp(codePoint: number): number {
    if (!Number.isFinite(codePoint)) return 0;
    return Math.max(0, Math.min(this.length, Math.trunc(codePoint)));
  }
}
