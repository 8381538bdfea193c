// Re-anchoring many annotations after edits: 5,000 annotations on a 50,000-word Arabic text
// (short mode: 500 on 5,000 words). For each kind of edit on its own, then all together, prints
// the time of prepareText + anchorMany (median and best wall-clock time of several runs, and the
// median CPU time of the process, steadier on a busy machine) and the shares of each state.
//   --runs=N       runs per edit kind (default 5, short mode 1)
//   --only=WORD    only the edit kinds whose name contains WORD
//   --impl=PATH    also anchor with another copy of the text-model (the path of its index.ts,
//                  e.g. a pristine checkout), runs alternating with the workspace's, and print
//                  both with the speed-up: before/after in the same minute on a busy machine
import { pathToFileURL } from "node:url";
import * as current from "@hashiya/text-model";
import { annotatedBook, INSERTED_PARAGRAPH, tashkeel } from "./lib/annotated-book";
import { short } from "./lib/report";

type TextModel = typeof current;
const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const implPath = option("impl");
const impls: Array<[string, TextModel]> = [["workspace", current]];
if (implPath) impls.unshift([implPath, await import(pathToFileURL(implPath).href)]);
const RUNS = Number(option("runs") ?? (short ? 1 : 5));
const only = option("only");

const WORDS = short ? 5_000 : 50_000;
const ANNOTATIONS = short ? 500 : 5_000;

const { paragraphs, original, words, selectorSets } = annotatedBook(WORDS, ANNOTATIONS);
const inserted = INSERTED_PARAGRAPH;

// Edits all through the book: one paragraph in twenty deleted, tashkeel on one in ten, a new
// paragraph near the start; each alone, then all together.
const edits: Array<[string, (paragraph: string, k: number) => string[]]> = [
  ["unchanged", (p) => [p]],
  ["deletions (1 paragraph in 20)", (p, k) => (k % 20 === 7 ? [] : [p])],
  ["tashkeel (1 paragraph in 10)", (p, k) => (k % 10 === 3 ? [tashkeel(p)] : [p])],
  ["insertion (1 paragraph)", (p, k) => (k === 2 ? [inserted, p] : [p])],
  [
    "all edits together",
    (p, k) => {
      if (k % 20 === 7) return [];
      if (k % 10 === 3) return [tashkeel(p)];
      if (k === 2) return [inserted, p];
      return [p];
    },
  ],
];

for (const [, tm] of impls) tm.anchorMany(tm.prepareText(original), selectorSets.slice(0, 100)); // warm up

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const share = (n: number) => `${((100 * n) / ANNOTATIONS).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`anchorMany: ${ANNOTATIONS} annotations on ${words} words, ${RUNS} runs each`);
for (const [name, edit] of edits) {
  if (only && !name.includes(only)) continue;
  const edited = paragraphs.flatMap(edit).join("\n");
  const wall = impls.map((): number[] => []);
  const cpu = impls.map((): number[] => []);
  let results: ReturnType<TextModel["anchorMany"]> = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [k, [, tm]] of impls.entries()) {
      const startedAt = performance.now();
      const cpuAt = process.cpuUsage();
      results = tm.anchorMany(tm.prepareText(edited), selectorSets);
      wall[k]!.push(performance.now() - startedAt);
      const used = process.cpuUsage(cpuAt);
      cpu[k]!.push((used.user + used.system) / 1000);
    }
  }
  const states = { anchored: 0, drifted: 0, orphaned: 0 };
  for (const result of results) states[result.state]++;
  console.log(
    `  ${name} (anchored ${share(states.anchored)}, drifted ${share(states.drifted)}, orphaned ${share(states.orphaned)})`,
  );
  for (const [k, [label]] of impls.entries()) {
    const speedUp =
      k > 0
        ? `  ×${(median(wall[0]!) / median(wall[k]!)).toFixed(1)} wall, ×${(median(cpu[0]!) / median(cpu[k]!)).toFixed(1)} CPU`
        : "";
    console.log(
      `    ${label.padEnd(28)} ${ms(median(wall[k]!))} median, ${ms(Math.min(...wall[k]!))} best, ${ms(median(cpu[k]!))} CPU${speedUp}`,
    );
  }
}
