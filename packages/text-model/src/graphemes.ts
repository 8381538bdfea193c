const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** How far to look for a certain boundary before segmenting the whole text instead. */
const LOCAL_REACH = 256;

/**
 * Grapheme-cluster boundaries of one text, in UTF-16 units. Common characters (ASCII, Arabic
 * letters and punctuation) are decided by a fast check; the rest asks `Intl.Segmenter` about a
 * short stretch between two certain boundaries (`containing()` on a long text costs time in
 * proportion to the text, which made anchoring thousands of annotations slow).
 */
export class GraphemeBoundaries {
  private segments: Intl.Segments | null = null;

  constructor(private readonly text: string) {}

  /** True when `u16` is between two grapheme clusters (or at either end). */
  isBoundary(u16: number): boolean {
    if (this.certain(u16)) return true;
    return this.cluster(u16).index === u16;
  }

  /** The closest boundary at or before `u16`. */
  before(u16: number): number {
    return this.isBoundary(u16) ? u16 : this.cluster(u16).index;
  }

  /** The closest boundary at or after `u16`. */
  after(u16: number): number {
    if (this.isBoundary(u16)) return u16;
    const cluster = this.cluster(u16);
    return cluster.index + cluster.segment.length;
  }

  /**
   * A boundary the fast check is sure of: the text's ends, or a simple character not preceded
   * by a Prepend one. Segmentation restarted there agrees with the whole text's (no emoji or
   * flag sequence runs through it), so a stretch between two of them can be segmented alone.
   */
  private certain(u16: number): boolean {
    if (u16 <= 0 || u16 >= this.text.length) return true;
    return isSimple(this.text.charCodeAt(u16)) && !isPrepend(this.text.charCodeAt(u16 - 1));
  }

  private cluster(u16: number): { index: number; segment: string } {
    let lo = u16;
    while (lo > 0 && u16 - lo < LOCAL_REACH && !this.certain(lo)) lo--;
    let hi = u16 + 1;
    while (hi < this.text.length && hi - u16 < LOCAL_REACH && !this.certain(hi)) hi++;
    if (this.certain(lo) && this.certain(hi)) {
      const local = graphemeSegmenter.segment(this.text.slice(lo, hi)).containing(u16 - lo)!;
      return { index: lo + local.index, segment: local.segment };
    }
    this.segments ??= graphemeSegmenter.segment(this.text);
    return this.segments.containing(u16)!;
  }
}

/** Characters that always start a grapheme cluster (Grapheme_Cluster_Break=Other, not Indic). */
function isSimple(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0660 && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x060c ||
    c === 0x061b ||
    c === 0x061f
  );
}

/** Prepend characters (they join the following character) in the BMP. */
function isPrepend(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x0605) ||
    c === 0x06dd ||
    c === 0x070f ||
    c === 0x0890 ||
    c === 0x0891 ||
    c === 0x08e2 ||
    c === 0x0d4e
  );
}
