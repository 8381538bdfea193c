// P4: a text's 100,000 annotations exported as W3C JSON-LD as the export route does it (in the
// export worker thread, streamed back with credit), in a process of its own, against the same
// export at 10,000: wall time, and how far the exporting process's peak RSS grew.
// Targets (issue 6): ≤ 10 s for 100,000, and peak memory at most 20 MB above the 10,000 run's.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { plainTextToBody } from "@hashiya/annotation-schema";
import { arabicBook, seededRandom } from "./lib/arabic-book";
import { createFixture } from "./lib/fixture";
import { short } from "./lib/report";

const SMALL = short ? 1_000 : 10_000;
const LARGE = short ? 5_000 : 100_000;
const ROWS_PER_INSERT = 1_000;

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
const cps = Array.from(text.body);
const random = seededRandom(4);

/** `count` annotations by the members on random passages, in multi-row INSERTs. */
async function seed(from: number, count: number): Promise<void> {
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
        text.id,
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
function exportOnce(): {
  ms: number;
  cpuMs: number;
  bytes: number;
  total: number;
  maxRssMb: number;
  rssAtStartMb: number;
  rssDuringMb: number;
  workerStartMs: number;
} {
  const child = spawnSync(
    "tsx",
    ["lib/export-child.ts", fixture.database.url, text.id, instructor.id],
    {
      cwd: here,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  if (child.status !== 0) throw new Error(`the export process failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

const mb = (x: number) => `${x.toFixed(1)} MB`;
const seedStarted = performance.now();
await seed(0, SMALL);
const small = exportOnce();
await seed(SMALL, LARGE - SMALL);
const seedMs = performance.now() - seedStarted;
const large = exportOnce();
console.log(
  `P4 export to W3C JSON-LD (seeded ${LARGE} annotations in ${(seedMs / 1000).toFixed(1)} s)`,
);
for (const [label, run] of [
  [SMALL, small],
  [LARGE, large],
] as const)
  console.log(
    `  ${label} annotations: ${(run.ms / 1000).toFixed(2)} s (exporter CPU ${(run.cpuMs / 1000).toFixed(2)} s), ${mb(run.bytes / 1048576)} written, ${run.total} counted, peak RSS ${mb(run.maxRssMb)} (sampled during the export, the worker started before in ${run.workerStartMs.toFixed(0)} ms: ${mb(run.rssAtStartMb)} at its start, at most ${mb(run.rssDuringMb)})`,
  );
console.log(
  `  peak RSS growth ${SMALL} → ${LARGE}: ${mb(large.maxRssMb - small.maxRssMb)} (target ≤ 20 MB; sampled during the exports: ${mb(large.rssDuringMb - small.rssDuringMb)}); time for ${LARGE}: ${(large.ms / 1000).toFixed(2)} s (target ≤ 10 s)`,
);
await fixture.database.drop();
