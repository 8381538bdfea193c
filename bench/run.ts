// `pnpm bench` runs every benchmark and prints its figures; `pnpm bench --short` is CI's quick
// pass over the same code with small sizes. Each benchmark runs in a process of its own.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const benchmarks = [
  "anchor-many.ts",
  "anchor-vs-hypothesis.ts",
  "comment-latency.ts",
  "notes-durability.ts",
  "reader-cold-open.ts",
];
const extra = process.argv.slice(2);
const here = fileURLToPath(new URL(".", import.meta.url));
let failed = 0;
for (const file of benchmarks) {
  const result = spawnSync("tsx", [file, ...extra], { cwd: here, stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
