// Benchmark P3: re-anchoring 5,000 annotations on a 50,000-word Arabic book (short mode: 500 on
// 5,000 words) after a set of edits (lib/book-edits.ts `p3Edits`: insertions, deletions, moved
// paragraphs, added tashkeel, typo fixes), with our anchorMany and, on the same inputs, with
// Hypothesis's algorithm (lib/hypothesis-match-quote.ts). For each it prints the time, the
// shares anchored / drifted / orphaned, and, against the ground truth the edits keep, how many
// were put on the wrong text, or on some text although their passage was deleted.
//   --runs=N             runs of ours (median printed; default 5, short mode 1)
//   --hypothesis-runs=N  runs of Hypothesis's (default 1: it takes a minute; 0 skips it)
// Hypothesis's figures are its string matching alone, without the DOM work its client adds.
import {
  anchorMany,
  prepareText,
  type TextQuoteSelector,
  type TextRange,
} from "@hashiya/text-model";
import { annotatedBook } from "./lib/annotated-book";
import { type EditedBook, p3Edits } from "./lib/book-edits";
import {
  type HypothesisAnchor,
  type HypothesisSelectors,
  hypothesisAnchor,
} from "./lib/hypothesis-match-quote";
import { short } from "./lib/report";

const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option("runs") ?? (short ? 1 : 5));
const HYPOTHESIS_RUNS = Number(option("hypothesis-runs") ?? 1);
const WORDS = short ? 5_000 : 50_000;
const ANNOTATIONS = short ? 500 : 5_000;

const book = annotatedBook(WORDS, ANNOTATIONS);
const edited = p3Edits(book.paragraphs);
const editedPrepared = prepareText(edited.text);

/** One algorithm's placement of an annotation: a code-point range and its state, or nothing. */
type Placement = { start: number; end: number; state: "anchored" | "drifted" } | null;

type Verdict = "right" | "misplaced" | "on deleted text" | "orphaned rightly" | "missed";

/**
 * Against the ground truth: right when at least half of the original characters the range
 * covers belong to the annotation's passage; otherwise on other text (misplaced), or on some
 * text although the whole passage was deleted. Orphans are right when the passage is gone.
 */
function judge(placement: Placement, truth: TextRange, book: EditedBook): Verdict {
  let survives = false;
  for (let i = truth.start; i < truth.end && !survives; i++) survives = book.moved[i]! >= 0;
  if (!placement) return survives ? "missed" : "orphaned rightly";
  let original = 0;
  let own = 0;
  for (let i = placement.start; i < placement.end; i++) {
    const o = book.origin[i]!;
    if (o < 0) continue;
    original++;
    if (o >= truth.start && o < truth.end) own++;
  }
  if (original > 0 && own * 2 >= original) return "right";
  return survives ? "misplaced" : "on deleted text";
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure<T>(runs: number, anchorAll: () => T[]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let results: T[] = [];
  for (let run = 0; run < runs; run++) {
    const startedAt = performance.now();
    const cpuAt = process.cpuUsage();
    results = anchorAll();
    wall.push(performance.now() - startedAt);
    const used = process.cpuUsage(cpuAt);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), results };
}

// Ours: prepare the edited text and anchor every annotation, as the API does after an edit.
const ours = () =>
  anchorMany(prepareText(edited.text), book.selectorSets).map(
    (r): Placement =>
      r.state === "orphaned" ? null : { start: r.start, end: r.end, state: r.state },
  );

// Hypothesis's: selectors and results in UTF-16 offsets (its unit), converted outside the timing.
const utf16Selectors: HypothesisSelectors[] = book.selectorSets.map((set, k) => {
  const quote = set[0] as TextQuoteSelector;
  const range = book.ranges[k]!;
  return {
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: {
      start: book.prepared.offsets.toUtf16(range.start),
      end: book.prepared.offsets.toUtf16(range.end),
    },
  };
});
const hypothesis = () =>
  utf16Selectors.map((selectors) => hypothesisAnchor(edited.text, selectors));
const toCodePoints = (a: HypothesisAnchor): Placement =>
  a && {
    start: editedPrepared.offsets.fromUtf16(a.start),
    end: editedPrepared.offsets.fromUtf16(a.end),
    state: a.exact ? "anchored" : "drifted",
  };

ours(); // warm up
const oursMeasured = measure(RUNS, ours);
const hypothesisMeasured = HYPOTHESIS_RUNS > 0 ? measure(HYPOTHESIS_RUNS, hypothesis) : null;
const oursResult = { ...oursMeasured, placements: oursMeasured.results };
const hypothesisResult = hypothesisMeasured && {
  ...hypothesisMeasured,
  placements: hypothesisMeasured.results.map(toCodePoints),
};

const pct = (n: number) => `${((100 * n) / ANNOTATIONS).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const edits = Object.entries(edited.counts)
  .map(([kind, n]) => `${n} ${kind}`)
  .join(", ");
console.log(
  `P3 anchoring vs Hypothesis: ${ANNOTATIONS} annotations on ${book.words} words, ${book.paragraphs.length} paragraphs; edits: ${edits}`,
);
const summary: Record<string, Record<string, number>> = {};
for (const [name, result, runs] of [
  ["hashiya", oursResult, RUNS],
  ["hypothesis", hypothesisResult, HYPOTHESIS_RUNS],
] as const) {
  if (!result) continue;
  const states = { anchored: 0, drifted: 0, orphaned: 0 };
  const verdicts: Record<Verdict, number> = {
    right: 0,
    misplaced: 0,
    "on deleted text": 0,
    "orphaned rightly": 0,
    missed: 0,
  };
  result.placements.forEach((placement, k) => {
    states[placement ? placement.state : "orphaned"]++;
    verdicts[judge(placement, book.ranges[k]!, edited)]++;
  });
  summary[name] = { ...verdicts, wall: result.wall };
  console.log(
    `  ${name.padEnd(10)} ${ms(result.wall).padStart(9)} (median of ${runs}, CPU ${ms(result.cpu)})  ` +
      `anchored ${pct(states.anchored)}, drifted ${pct(states.drifted)}, orphaned ${pct(states.orphaned)}  |  ` +
      `right ${verdicts.right}, misplaced ${verdicts.misplaced}, on deleted text ${verdicts["on deleted text"]}, ` +
      `orphaned rightly ${verdicts["orphaned rightly"]}, orphaned although their passage is there ${verdicts.missed}`,
  );
}
const h = summary.hypothesis;
const o = summary.hashiya!;
if (!h) process.exit(0);
const wrong = (s: Record<string, number>) => s.misplaced! + s["on deleted text"]!;
console.log(
  `  hashiya is ×${(h.wall! / o.wall!).toFixed(1)} faster; placed wrong or on deleted text: hashiya ${wrong(o)}, hypothesis ${wrong(h)}` +
    (short ? "" : `  (targets: ≤ 150 ms, ≥ ×5, fewer wrong)`),
);
