import { TextModelError } from "./errors";

/** A position inside one block: the block's index and a code-point offset within its text. */
export interface BlockPosition {
  block: number;
  offset: number;
}

/**
 * Converts positions in one canonical string between Unicode code points (what everything is
 * stored in), UTF-16 code units (what JS strings and the DOM use) and block-relative offsets.
 * Built once per text in O(n); each conversion is O(log n) (O(1) for texts without astral
 * characters, like most Arabic and English prose).
 */
export class OffsetMap {
  /** The text's length in code points. */
  readonly length: number;
  /** The text's length in UTF-16 code units. */
  readonly utf16Length: number;
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astralUtf16: number[] = [];
  /** Code-point index of each astral character, ascending. */
  private readonly astralCp: number[] = [];
  /** Code-point start of each block, ascending. */
  private readonly blockStarts: number[];
  private readonly blockLengths: number[];

  /**
   * @param text - the canonical string
   * @param blockTexts - the blocks' texts when a block may itself contain `\n` (code blocks);
   *   without it, blocks are the `\n`-separated lines of `text`
   */
  constructor(text: string, blockTexts?: readonly string[]) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralCp.push(i - this.astralUtf16.length);
          this.astralUtf16.push(i);
          i++;
        }
      }
    }
    this.length = text.length - this.astralUtf16.length;
    const blocks = blockTexts ?? text.split("\n");
    this.blockStarts = [];
    this.blockLengths = [];
    let start = 0;
    for (const block of blocks) {
      const length = codePointLength(block);
      this.blockStarts.push(start);
      this.blockLengths.push(length);
      start += length + 1;
    }
  }

  /** UTF-16 offset of a code-point offset (0 ≤ offset ≤ length). */
  toUtf16(codePoint: number): number {
    this.check(codePoint, this.length);
    return codePoint + countBelow(this.astralCp, codePoint);
  }

  /**
   * Code-point offset of a UTF-16 offset. An offset between the halves of a surrogate pair is
   * refused (`offset.splits_surrogate`) unless `snap` says which way to move it.
   */
  fromUtf16(utf16: number, snap?: "before" | "after"): number {
    this.check(utf16, this.utf16Length);
    const below = countBelow(this.astralUtf16, utf16);
    if (below > 0 && this.astralUtf16[below - 1] === utf16 - 1) {
      if (snap === undefined)
        throw new TextModelError("offset.splits_surrogate", { offset: utf16 });
      return utf16 - below + (snap === "after" ? 1 : 0);
    }
    return utf16 - below;
  }

  /** The block holding a canonical code-point offset; a block's end is its own position. */
  toBlock(codePoint: number): BlockPosition {
    this.check(codePoint, this.length);
    const block = Math.max(0, countBelow(this.blockStarts, codePoint + 1) - 1);
    return { block, offset: codePoint - this.blockStarts[block]! };
  }

  /** Canonical code-point offset of a block-relative one. */
  fromBlock(block: number, offset: number): number {
    const length = this.blockLengths[block];
    if (length === undefined || !Number.isInteger(offset) || offset < 0 || offset > length) {
      throw new TextModelError("block.out_of_bounds", { block, offset });
    }
    return this.blockStarts[block]! + offset;
  }

  private check(offset: number, max: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > max) {
      throw new TextModelError("offset.out_of_bounds", { offset, max });
    }
  }
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return text.length - surrogatePairs;
}

/** How many values of an ascending array are below `value` (binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
