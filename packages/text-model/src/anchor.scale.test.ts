import { describe, expect, test } from "vitest";
import { seedBytes } from "./__fixtures__/seed";
import { anchorMany } from "./anchor";
import { importPlainText } from "./import-plain";
import { prepareText } from "./prepared-text";
import { type TextQuoteSelector, describeRange } from "./selectors";

const seed = importPlainText(seedBytes).text;

/** 61 chapters of the seed, each under its own heading: over 50,000 words, every passage repeated. */
function bookOf(chapters: number): string {
  const parts: string[] = [];
  for (let k = 1; k <= chapters; k++) parts.push(`الفصل ${k}`, seed);
  return parts.join("\n");
}

function random(seedValue: number): () => number {
  let x = seedValue;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe("anchorMany at scale", () => {
  test("5,000 annotations on a 50,000-word edited text keep their passages", () => {
    const book = bookOf(61);
    const words = [...book.matchAll(/\S+/g)];
    expect(words.length).toBeGreaterThan(50_000);
    const next = random(3);
    const prepared = prepareText(book);
    const sets = Array.from({ length: 5000 }, () => {
      const first = Math.floor(next() * (words.length - 12));
      const last = first + Math.floor(next() * 8);
      const start = words[first]!.index;
      const end = words[last]!.index + words[last]![0].length;
      return describeRange(prepared, { start, end }).selectors;
    });
    // Edits all through the text: a preface, a new paragraph mid-way, vowels on one chapter
    // in ten, and a sentence deleted from one chapter in seven.
    let edited = `تمهيد قصير للكتاب.\n${book}`;
    const chapters = edited.split(/(?=الفصل \d+\n)/);
    edited = chapters
      .map((chapter, k) => {
        let c = chapter;
        if (k % 10 === 3) c = c.replace(/[\u0628-\u064a](?=[\u0621-\u064a])/g, (x) => `${x}\u064e`);
        if (k % 7 === 5) c = c.replace("و بعد عامين من نجاح الثورة كتب لينين متفكرا", "");
        if (k === 30) c = `${c}\nفقرة جديدة في منتصف الكتاب عن لينين و تروتسكي.`;
        return c;
      })
      .join("");

    // Correctness at scale only: its speed is measured by `pnpm bench` (bench/anchor-many.ts),
    // never asserted here.
    const results = anchorMany(prepareText(edited), sets);

    const states = { anchored: 0, drifted: 0, orphaned: 0 };
    const cps = [...edited];
    results.forEach((r, k) => {
      states[r.state]++;
      if (r.state === "anchored" && r.via !== "normalised") {
        expect(cps.slice(r.start, r.end).join("")).toBe((sets[k]![0] as TextQuoteSelector).exact);
      }
    });
    expect(states.anchored).toBeGreaterThan(4500);
  });
});
