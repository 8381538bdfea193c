// Import (issue 6): a W3C JSON-LD file of 10,000 annotations (and 3,334 replies) on a
// 20,000-word Arabic text, imported into it through the import's code (parse → anchor → one
// transaction): wall time of each step from the progress it reports, the file's size, and a
// second import of the same file (everything skipped as already there). Figures only.
import { performance } from "node:perf_hooks";
import { importFile } from "@hashiya/api/import";
import { arabicBook, seededRandom } from "./lib/arabic-book";
import { createFixture } from "./lib/fixture";
import { short } from "./lib/report";

const COUNT = short ? 1_000 : 10_000;
const fixture = await createFixture({
  label: "bench_import",
  paragraphs: arabicBook(20_000),
  members: 1,
});
const { db } = fixture.database;
const instructor = fixture.members[0]!;
await db.membership.update({
  where: { courseId_userId: { courseId: fixture.courseId, userId: instructor.id } },
  data: { role: "instructor" },
});
const text = await db.text.findUniqueOrThrow({ where: { id: fixture.textId } });
const cps = Array.from(text.body);
const random = seededRandom(6);

const items: object[] = [];
for (let n = 0; n < COUNT; n++) {
  const start = Math.floor(random() * (cps.length - 40));
  const end = start + 5 + Math.floor(random() * 30);
  const id = `https://other.example/a/${n}`;
  items.push({
    id,
    type: "Annotation",
    motivation: "commenting",
    creator: { id: `https://other.example/u/${n % 40}`, name: `قارئ ${n % 40}` },
    created: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    body: [
      { type: "TextualBody", value: `<p>تعليق رقم ${n}: <b>مهمّ</b></p>`, format: "text/html" },
      { type: "TextualBody", value: `وسم${n % 7}`, purpose: "tagging" },
    ],
    target: {
      source: "https://other.example/book",
      selector: [
        {
          type: "TextQuoteSelector",
          exact: cps.slice(start, end).join(""),
          prefix: cps.slice(Math.max(0, start - 32), start).join(""),
          suffix: cps.slice(end, end + 32).join(""),
        },
        { type: "TextPositionSelector", start, end },
      ],
    },
  });
  if (n % 3 === 0)
    items.push({
      id: `${id}/reply`,
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value: `ردّ على ${n}` },
      target: id,
    });
}
const file = JSON.stringify({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "AnnotationPage",
  items,
});

async function run(label: string) {
  const marks: Record<string, number> = {};
  const t0 = performance.now();
  const outcome = await importFile(
    db,
    { ok: true, textId: text.id, importer: { id: instructor.id } },
    file,
    {
      siteBase: "https://hashiya.example",
      onProgress: (p) => {
        marks[p.stage] ??= performance.now();
        if (p.stage === "anchoring") marks.anchored = performance.now();
      },
    },
  );
  const t1 = performance.now();
  if (!outcome.ok) throw new Error(outcome.problems[0]?.message.en);
  const { report } = outcome;
  const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
  console.log(
    `${label}: total ${ms(t0, t1)} — parse ${ms(t0, marks.parsed!)}, anchor ${ms(marks.parsed!, marks.anchored!)}, write ${ms(marks.anchored!, t1)}; ` +
      `anchored ${report.anchored}, drifted ${report.drifted.length}, orphaned ${report.orphaned.length}, replies ${report.replies}, skipped ${report.skippedDuplicates.annotations}+${report.skippedDuplicates.replies}`,
  );
}

console.log(
  `import-w3c: ${COUNT} annotations, file ${(file.length / 1e6).toFixed(1)} MB (UTF-16 chars)`,
);
await run("first import");
await run("same file again");
await fixture.database.drop();
