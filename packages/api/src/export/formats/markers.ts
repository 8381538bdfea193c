// Numbered passage markers for the printable reader. DESIGN decision 5: nothing may split an
// Arabic word (its letters would lose their joined forms), so the passage is not wrapped in
// an element at all: a marker goes before and after it, moved outward to the nearest word
// boundary when the passage starts or ends inside a word.

export interface NumberedAnchor {
  number: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}\u0640]/u;
const inWord = (cps: readonly string[], at: number) =>
  at > 0 && at < cps.length && WORD.test(cps[at - 1] as string) && WORD.test(cps[at] as string);

/** A boundary at or before `at` (start) or at or after it (end) that cuts no word. */
export function toWordBoundary(cps: readonly string[], at: number, side: "start" | "end"): number {
  let p = Math.max(0, Math.min(at, cps.length));
  while (inWord(cps, p)) p += side === "start" ? -1 : 1;
  return p;
}

export interface Marker {
  number: number;
  kind: "open" | "close";
}

/** The markers to write before each code point index (closings before openings). */
export function markerPositions(
  cps: readonly string[],
  anchors: readonly NumberedAnchor[],
): Map<number, Marker[]> {
  const at = new Map<number, Marker[]>();
  const put = (p: number, marker: Marker) => {
    const list = at.get(p) ?? [];
    list.push(marker);
    at.set(p, list);
  };
  for (const anchor of anchors) {
    if (anchor.end <= anchor.start || anchor.end > cps.length) continue;
    put(toWordBoundary(cps, anchor.start, "start"), { number: anchor.number, kind: "open" });
    put(toWordBoundary(cps, anchor.end, "end"), { number: anchor.number, kind: "close" });
  }
  for (const list of at.values())
    list.sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind === "close" ? -1 : 1));
  return at;
}

/**
 * The text's paragraphs (split on "\n"), each as pieces of text and markers, with text
 * written by `text` and markers by `marker`.
 */
export function renderParagraphs(
  cps: readonly string[],
  anchors: readonly NumberedAnchor[],
  text: (s: string) => string,
  marker: (m: Marker) => string,
): string[] {
  const at = markerPositions(cps, anchors);
  const paragraphs: string[] = [];
  let current = "";
  let run = "";
  const flush = () => {
    current += text(run);
    run = "";
  };
  for (let i = 0; i <= cps.length; i++) {
    const markers = at.get(i);
    if (markers) {
      flush();
      current += markers.map(marker).join("");
    }
    if (i === cps.length) break;
    const cp = cps[i] as string;
    if (cp === "\n") {
      flush();
      paragraphs.push(current);
      current = "";
    } else run += cp;
  }
  flush();
  paragraphs.push(current);
  return paragraphs;
}
