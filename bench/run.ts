// `pnpm bench` runs every benchmark and prints its figures; `pnpm bench --short` is CI's quick
// pass over the same code with small sizes. Each benchmark runs in a process of its own.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const benchmarks = [
  "anchor-many.ts",
  "anchor-vs-hypothesis.ts",
  "annotation-throughput.ts",
  "comment-latency.ts",
  "export-jsonld.ts",
  "import-w3c.ts",
  "notes-durability.ts",
  "reader-cold-open.ts",
];
// Words name benchmarks to run (`pnpm bench reader-cold-open`); flags go to each of them, with
// a number after a flag as its value (`--comments 300`).
const args = process.argv.slice(2);
const extra: string[] = [];
const names: string[] = [];
for (const [index, arg] of args.entries()) {
  const isValue = /^\d+(\.\d+)?$/.test(arg) && args[index - 1]?.startsWith("--");
  (arg.startsWith("--") || isValue ? extra : names).push(arg);
}
const selected = names.length
  ? benchmarks.filter((file) => names.some((name) => file.includes(name)))
  : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark is named ${names.join(", ")}: ${benchmarks.join(", ")}`);
  process.exit(1);
}
const here = fileURLToPath(new URL(".", import.meta.url));
let failed = 0;
for (const file of selected) {
  const result = spawnSync("tsx", [file, ...extra], { cwd: here, stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
