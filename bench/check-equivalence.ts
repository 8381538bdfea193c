// Checks that two copies of the text-model give identical anchoring results (state, range, via,
// score, reason) on the benchmark's edits and on many random edits. For performance work:
// `tsx check-equivalence.ts --impl=/path/to/pristine/src/index.ts` compares that copy with the
// workspace's. Exits 1 on the first difference.
import { pathToFileURL } from "node:url";
import type { AnchorResult, TextSelector } from "@hashiya/text-model";
import * as current from "@hashiya/text-model";
import { arabicBook, seededRandom } from "./lib/arabic-book";

type TextModel = typeof current;
const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const implPath = option("impl");
if (!implPath) throw new Error("--impl=PATH of the reference copy's index.ts is required");
const ref: TextModel = await import(pathToFileURL(implPath).href);
const SCENARIOS = Number(option("scenarios") ?? 40);

let compared = 0;
function compare(name: string, text: string, sets: TextSelector[][], options = {}): void {
  const a = ref.anchorMany(ref.prepareText(text), sets, options);
  const b = current.anchorMany(current.prepareText(text), sets, options);
  // `anchor` alone (no shift cursor) on a sample.
  for (let k = 0; k < sets.length; k += 37) {
    a.push(ref.anchor(text, sets[k]!, options));
    b.push(current.anchor(text, sets[k]!, options));
  }
  for (let k = 0; k < a.length; k++) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) {
      console.error(`${name}: result ${k} differs\n  ref: ${x}\n  new: ${y}`);
      console.error(`  selectors: ${JSON.stringify(sets[k % sets.length])}`);
      process.exit(1);
    }
  }
  compared += a.length;
  const states: Record<string, number> = {};
  for (const r of b as AnchorResult[]) {
    const key = r.state === "orphaned" ? `orphaned:${r.reason}` : `${r.state}:${r.via}`;
    states[key] = (states[key] ?? 0) + 1;
  }
  console.log(`${name}: ${a.length} identical ${JSON.stringify(states)}`);
}

function selectorsFor(text: string, count: number, random: () => number): TextSelector[][] {
  const prepared = current.prepareText(text);
  const words = [...text.matchAll(/\S+/g)];
  return Array.from({ length: count }, () => {
    const first = Math.floor(random() * (words.length - 12));
    const last = first + Math.floor(random() * (random() < 0.1 ? 30 : 8));
    const start = prepared.offsets.fromUtf16(words[first]!.index);
    const end = prepared.offsets.fromUtf16(
      words[Math.min(last, words.length - 1)]!.index +
        words[Math.min(last, words.length - 1)]![0].length,
    );
    const [quote, position] = current.describeRange(prepared, { start, end }).selectors;
    const r = random();
    // Variety: some without position, some without context, some with one side only.
    if (r < 0.05) return [quote];
    if (r < 0.08) return [{ type: "TextQuoteSelector", exact: quote.exact }, position];
    if (r < 0.1)
      return [{ type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix }, position];
    if (r < 0.12)
      return [{ type: "TextQuoteSelector", exact: quote.exact, suffix: quote.suffix }, position];
    return [quote, position];
  });
}

const tashkeel = (p: string) =>
  p.replace(/[\u0628-\u064a](?=[\u0621-\u064a])/g, (x) => `${x}\u064e`);

// 1. The benchmark's book and edits.
{
  const paragraphs = arabicBook(50_000);
  const original = paragraphs.join("\n");
  const sets = selectorsFor(original, 5000, seededRandom(7));
  const edits: Array<[string, (p: string, k: number) => string[]]> = [
    ["unchanged", (p) => [p]],
    ["deletions", (p, k) => (k % 20 === 7 ? [] : [p])],
    ["tashkeel", (p, k) => (k % 10 === 3 ? [tashkeel(p)] : [p])],
    ["insertion", (p, k) => (k === 2 ? ["فقرة جديدة في أول الكتاب عن لينين و تروتسكي.", p] : [p])],
  ];
  for (const [name, edit] of edits)
    compare(`book ${name}`, paragraphs.flatMap(edit).join("\n"), sets);
}

// 2. Random edits on smaller books: character noise, deleted/moved/duplicated paragraphs,
// unnumbered paragraphs (repeated passages: ambiguity), other options.
for (let n = 0; n < SCENARIOS; n++) {
  const random = seededRandom(1000 + n);
  const numbered = random() < 0.6;
  let paragraphs = arabicBook(2000 + Math.floor(random() * 4000));
  if (!numbered) paragraphs = paragraphs.map((p) => p.replace(/^\d+\.\d+ /, ""));
  const original = paragraphs.join("\n");
  const sets = selectorsFor(original, 300, random);
  const letters = "ابتثجحخدذرسشصضطظعغفقكلمنهويةى ًٌٍَُِّْـ";
  const noise = (p: string, rate: number) => {
    let out = "";
    for (const ch of p) {
      const r = random();
      if (r < rate / 3) continue;
      if (r < (2 * rate) / 3) out += letters[Math.floor(random() * letters.length)];
      else if (r < rate) out += ch + letters[Math.floor(random() * letters.length)];
      else out += ch;
    }
    return out;
  };
  const edited: string[] = [];
  const moved: string[] = [];
  for (const [k, p] of paragraphs.entries()) {
    const r = random();
    if (r < 0.05) continue;
    if (r < 0.1) moved.push(p);
    else if (r < 0.2) edited.push(noise(p, 0.02 + random() * 0.1));
    else if (r < 0.25) edited.push(tashkeel(p));
    else if (r < 0.28) edited.push(p, p);
    else if (r < 0.3) edited.push(p.slice(0, Math.floor(p.length / 2)));
    else edited.push(p);
    if (k % 7 === 0 && moved.length) edited.push(moved.pop()!);
  }
  edited.push(...moved);
  const options =
    random() < 0.2
      ? { maxErrorRate: 0.1 + random() * 0.3, window: 500 + Math.floor(random() * 3000) }
      : {};
  compare(`random ${n}${numbered ? "" : " (repeats)"}`, edited.join("\n"), sets, options);
}
console.log(`all ${compared} results identical`);
