// P4: a text's 100,000 annotations exported as W3C JSON-LD as the export route does it (in the
// export worker thread, streamed back with credit), in a process of its own, after the export of
// a text with 10,000 in the same process: wall time, and how far the process's peak RSS rose.
// Targets (issue 6): ≤ 10 s for 100,000, and peak memory at most 20 MB above the 10,000 one's.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { plainTextToBody } from "@hashiya/annotation-schema";
import { WEB_V8_FLAGS } from "../scripts/lib/stack";
import { arabicBook, seededRandom } from "./lib/arabic-book";
import { createFixture } from "./lib/fixture";
import { short } from "./lib/report";

const SMALL = short ? 1_000 : 10_000;
const LARGE = short ? 5_000 : 100_000;
const ROWS_PER_INSERT = 1_000;
// Each exporting process's figures vary by a few MB with when its collectors run: the median of
// three processes in full mode.
const PROCESSES = short ? 1 : 3;

const fixture = await createFixture({
  label: "bench_export",
  paragraphs: arabicBook(20_000),
  members: 20,
});
const { db } = fixture.database;
const instructor = fixture.members[0]!;
await db.membership.update({
  where: { courseId_userId: { courseId: fixture.courseId, userId: instructor.id } },
  data: { role: "instructor" },
});
const text = await db.text.findUniqueOrThrow({ where: { id: fixture.textId } });
// The large export's text: the same words, its own annotations.
const { id: largeTextId } = await db.text.create({
  data: {
    courseId: fixture.courseId,
    title: text.title,
    language: text.language,
    direction: text.direction,
    body: text.body,
    blocks: text.blocks as object[],
  },
});
const cps = Array.from(text.body);
const random = seededRandom(4);

/** `count` annotations on `textId` by the members on random passages, in multi-row INSERTs. */
async function seed(textId: string, from: number, count: number): Promise<void> {
  for (let done = 0; done < count; done += ROWS_PER_INSERT) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let k = 0; k < Math.min(ROWS_PER_INSERT, count - done); k++) {
      const n = from + done + k;
      const start = Math.floor(random() * (cps.length - 40));
      const end = start + 5 + Math.floor(random() * 30);
      const exact = cps.slice(start, end).join("");
      const selectors = [
        {
          type: "TextQuoteSelector",
          exact,
          prefix: cps.slice(Math.max(0, start - 32), start).join(""),
          suffix: cps.slice(end, end + 32).join(""),
        },
        { type: "TextPositionSelector", start, end },
      ];
      const bodyText = `تعليق رقم ${n} على «${exact}»: هذه العبارة مهمّة لفهم الفقرة.`;
      const author = fixture.members[n % fixture.members.length]!.id;
      const p = values.length;
      rows.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, 1, $${p + 4}::jsonb, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}::jsonb, $${p + 9}, now(), now())`,
      );
      values.push(
        `bench${String(n).padStart(7, "0")}`,
        textId,
        author,
        JSON.stringify(selectors),
        exact,
        start,
        end,
        JSON.stringify(plainTextToBody(bodyText)),
        bodyText,
      );
    }
    await db.$executeRawUnsafe(
      `INSERT INTO annotations (id, text_id, author_id, text_version, selectors, quote, start, "end", body, body_text, created_at, updated_at) VALUES ${rows.join(",")}`,
      ...values,
    );
  }
}

const here = fileURLToPath(new URL(".", import.meta.url));
interface ExportRun {
  ms: number;
  cpuMs: number;
  bytes: number;
  total: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** One exporting process: an unmeasured export (warm-up), then the small text's and the large one's. */
function exportProcess(): { runs: [ExportRun, ExportRun]; maxRssMb: number } {
  const child = spawnSync(
    "tsx",
    [
      ...WEB_V8_FLAGS,
      "lib/export-child.ts",
      fixture.database.url,
      instructor.id,
      text.id,
      text.id,
      largeTextId,
    ],
    { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`the export process failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

const mb = (x: number) => `${x.toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seedStarted = performance.now();
await seed(text.id, 0, SMALL);
await seed(largeTextId, SMALL, LARGE);
const seedMs = performance.now() - seedStarted;
console.log(
  `P4 export to W3C JSON-LD (seeded ${SMALL} + ${LARGE} annotations in ${(seedMs / 1000).toFixed(1)} s; ${PROCESSES} exporting process${PROCESSES > 1 ? "es" : ""}, each: one unmeasured export, then ${SMALL}, then ${LARGE})`,
);
const growths: number[] = [];
const times: number[] = [];
for (let k = 0; k < PROCESSES; k++) {
  const { runs, maxRssMb } = exportProcess();
  const [small, large] = runs;
  const describe = (count: number, run: ExportRun) =>
    `${count}: ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s), ${mb(run.bytes / 1048576)}, ${run.total} counted, RSS ${mb(run.rssBeforeMb)} → peak ${mb(run.peakRssMb)}`;
  console.log(
    `  process ${k + 1}: ${describe(SMALL, small)}; ${describe(LARGE, large)}; growth ${mb(large.peakRssMb - small.peakRssMb)} (process maxRSS ${mb(maxRssMb)})`,
  );
  growths.push(large.peakRssMb - small.peakRssMb);
  times.push(large.ms);
}
console.log(
  `  median: peak RSS growth ${SMALL} → ${LARGE} ${mb(median(growths))} (target ≤ 20 MB), time for ${LARGE} ${(median(times) / 1000).toFixed(2)} s (target ≤ 10 s)`,
);
await fixture.database.drop();
