import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { type AnchorResult, anchor, anchorMany } from "./anchor";
import { importPlainText } from "./import-plain";
import { describeRange } from "./selectors";

// A book whose paragraphs repeat (the seed four times over, each paragraph numbered): every
// passage away from a number has look-alikes, one cycle of the seed apart. Only the stored
// position can tell them apart, so edits that move it (a moved paragraph, a deleted one) must
// not send annotations to a look-alike: they land on their own passage or orphan.

const seed = importPlainText(seedBytes).blocks.map((b) => b.text);
const paragraphs = Array.from({ length: 4 }, (_, cycle) =>
  seed.map((text, k) => `${cycle + 1}.${k + 1} ${text}`),
).flat();
const book = paragraphs.join("\n");
const offsetOf = (list: readonly string[], k: number) =>
  list.slice(0, k).reduce((sum, p) => sum + [...p].length + 1, 0);

/** An annotation on words `from`…`from + 3` of paragraph `k`, away from its number. */
function annotation(k: number, from: number) {
  const words = [...paragraphs[k]!.matchAll(/\S+/g)];
  const start = offsetOf(paragraphs, k) + [...paragraphs[k]!.slice(0, words[from]!.index)].length;
  const last = words[from + 3]!;
  const end =
    offsetOf(paragraphs, k) + [...paragraphs[k]!.slice(0, last.index + last[0].length)].length;
  return { k, start, end, selectors: describeRange(book, { start, end }).selectors };
}

/** Where paragraph `k`'s annotation should now be, given the paragraphs' new order. */
function expected(a: ReturnType<typeof annotation>, order: number[]) {
  const at = order.indexOf(a.k);
  const moved = order.map((k) => paragraphs[k]!);
  const shift = offsetOf(moved, at) - offsetOf(paragraphs, a.k);
  return { start: a.start + shift, end: a.end + shift };
}

const onItsPassage = (r: AnchorResult, place: { start: number; end: number } | null) =>
  r.state === "orphaned" || (place !== null && r.start === place.start && r.end === place.end);

describe("anchorMany among look-alike passages", () => {
  // Annotations on four words inside the first two cycles' paragraphs (not their last, "يتبع").
  const annotated = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16];
  const annotations = annotated.flatMap((k) => [annotation(k, 6), annotation(k, 14)]);
  const all = paragraphs.map((_, k) => k);

  test.each(annotated.filter((k) => k < 13))(
    "paragraph %i moved to the end: every annotation stays on its passage or orphans",
    (moved) => {
      const order = [...all.filter((k) => k !== moved), moved];
      const results = anchorMany(
        order.map((k) => paragraphs[k]!).join("\n"),
        annotations.map((a) => a.selectors),
      );
      results.forEach((r, i) => {
        expect(onItsPassage(r, expected(annotations[i]!, order)), `annotation ${i}`).toBe(true);
      });
      // Not by orphaning everything: the passages that stayed in place are found.
      const found = results.filter((r, i) => annotations[i]!.k !== moved && r.state === "anchored");
      expect(found.length).toBeGreaterThanOrEqual(annotations.length / 2);
    },
  );

  test.each(annotated.filter((k) => k < 13))(
    "paragraph %i deleted: its annotations orphan instead of taking a look-alike one cycle away",
    (deleted) => {
      const order = all.filter((k) => k !== deleted);
      const results = anchorMany(
        order.map((k) => paragraphs[k]!).join("\n"),
        annotations.map((a) => a.selectors),
      );
      results.forEach((r, i) => {
        const a = annotations[i]!;
        expect(
          onItsPassage(r, a.k === deleted ? null : expected(a, order)),
          `annotation ${i}`,
        ).toBe(true);
      });
      const found = results.filter(
        (r, i) => annotations[i]!.k !== deleted && r.state === "anchored",
      );
      expect(found.length).toBeGreaterThanOrEqual(annotations.length / 2);
    },
  );

  test("a typo fixed inside the passage: drifted where it stood, not an exact look-alike elsewhere", () => {
    const a = annotation(12, 6);
    const quote = book.slice(a.start, a.end);
    // One letter of the passage changes (a confused ya corrected, or a letter swapped).
    const fixed = quote.includes("ي") ? quote.replace("ي", "ى") : quote.replace(/[^\s]/, "ـ");
    const edited = book.slice(0, a.start) + fixed + book.slice(a.end);
    const result = anchor(edited, a.selectors);
    expect(result.state).toBe("drifted");
    // An approximate alignment may take in the space before the passage.
    if (result.state === "drifted") expect(Math.abs(result.start - a.start)).toBeLessThanOrEqual(1);
  });
});
