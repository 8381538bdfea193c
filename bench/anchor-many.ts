// Re-anchoring many annotations after edits: 5,000 annotations on a 50,000-word Arabic text
// (short mode: 500 on 5,000 words). Prints the time and the shares of each anchor state.
import { anchorMany, describeRange, prepareText } from "@hashiya/text-model";
import { arabicBook, seededRandom } from "./lib/arabic-book";
import { short } from "./lib/report";

const WORDS = short ? 5_000 : 50_000;
const ANNOTATIONS = short ? 500 : 5_000;

const paragraphs = arabicBook(WORDS);
const original = paragraphs.join("\n");
const prepared = prepareText(original);
const words = [...original.matchAll(/\S+/g)];
const random = seededRandom(7);
const selectorSets = Array.from({ length: ANNOTATIONS }, () => {
  const first = Math.floor(random() * (words.length - 12));
  const last = first + Math.floor(random() * 8);
  const start = [...original.slice(0, words[first]!.index)].length;
  const end =
    start +
    [...original.slice(words[first]!.index, words[last]!.index + words[last]![0].length)].length;
  return describeRange(prepared, { start, end }).selectors;
});

// Edits all through the book: a new paragraph near the start, one paragraph in twenty deleted,
// tashkeel on one in ten, two paragraphs swapped.
const edited = paragraphs
  .flatMap((paragraph, k) => {
    if (k % 20 === 7) return [];
    if (k % 10 === 3)
      return [paragraph.replace(/[\u0628-\u064a](?=[\u0621-\u064a])/g, (x) => `${x}\u064e`)];
    if (k === 2) return ["فقرة جديدة في أول الكتاب عن لينين و تروتسكي.", paragraph];
    return [paragraph];
  })
  .join("\n");

anchorMany(prepareText(original), selectorSets.slice(0, 100)); // warm up
const startedAt = performance.now();
const results = anchorMany(prepareText(edited), selectorSets);
const elapsed = performance.now() - startedAt;

const states = { anchored: 0, drifted: 0, orphaned: 0 };
for (const result of results) states[result.state]++;
const share = (n: number) => `${((100 * n) / results.length).toFixed(1)}%`;
console.log(
  `anchorMany: ${ANNOTATIONS} annotations on ${words.length} words after edits: ${elapsed.toFixed(0)} ms ` +
    `(anchored ${share(states.anchored)}, drifted ${share(states.drifted)}, orphaned ${share(states.orphaned)})`,
);
