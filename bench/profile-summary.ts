// Summarises a V8 .cpuprofile (from `node --import tsx --cpu-prof …`): self and total time per
// function, top 25. Usage: tsx profile-summary.ts FILE.cpuprofile
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const profile = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<string, number>();
const total = new Map<string, number>();
const label = (n: Node) =>
  `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-1)[0]}:${n.callFrame.lineNumber + 1}`;
profile.samples.forEach((id, k) => {
  const dt = (profile.timeDeltas[k] ?? 0) / 1000;
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
    seen.add(l);
  }
});
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 25))
    .map(([l, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${l}`);
console.log(`self:\n${top(self).join("\n")}`);
console.log(`total:\n${top(total).join("\n")}`);
