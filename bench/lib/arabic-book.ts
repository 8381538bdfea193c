// Long Arabic texts built from the sample essay. Paragraphs are numbered, so that every passage
// of the book is distinct (a benchmark on repeated paragraphs would measure ambiguity instead).
import { readFileSync } from "node:fs";
import { importPlainText } from "@hashiya/text-model";

const seed = importPlainText(
  readFileSync(new URL("../../prisma/seed/demo-text.ar.txt", import.meta.url)),
);

/** Paragraphs of the seed, repeated and numbered until the book has at least `words` words. */
export function arabicBook(words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  for (let n = 1; count < words; n++) {
    for (const block of seed.blocks) {
      const paragraph = `${n}.${paragraphs.length + 1} ${block.text}`;
      paragraphs.push(paragraph);
      count += paragraph.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return paragraphs;
}

/** A deterministic pseudo-random sequence in [0, 1), so that runs are comparable. */
export function seededRandom(seedValue: number): () => number {
  let x = seedValue >>> 0;
  return () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x / 4_294_967_296;
  };
}
