// Summarises a Chromium trace (reader-cold-open.ts with P5_TRACE=FILE): the page's main
// thread from navigation start, as a timeline of its long tasks (what each spent its time on)
// and the user-timing marks, so a cold open's costs are read rather than guessed.
// Usage: tsx trace-summary.ts FILE [--min=MS] (tasks shorter than MIN ms are summed, not listed).
import { readFileSync } from "node:fs";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const file = process.argv[2];
if (!file) throw new Error("Usage: tsx trace-summary.ts FILE [--min=MS]");
const min = Number(process.argv.find((arg) => arg.startsWith("--min="))?.slice(6) ?? 20);
const raw = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;

// The renderer main thread of the page: the one with the navigation's start mark.
const threadNames = new Map<string, string>();
for (const e of events) {
  if (e.ph === "M" && e.name === "thread_name")
    threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
}
const navStart = events.find(
  (e) =>
    (e.name === "navigationStart" || e.name === "markAsMainFrame") &&
    threadNames.get(`${e.pid}:${e.tid}`) === "CrRendererMain",
);
const main = events.filter(
  (e) =>
    threadNames.get(`${e.pid}:${e.tid}`) === "CrRendererMain" &&
    (!navStart || e.pid === navStart.pid),
);
const origin = navStart?.ts ?? Math.min(...main.map((e) => e.ts));
const ms = (us: number) => (us / 1000).toFixed(0).padStart(6);

// Direct children of each long task, summed by name (with the script's URL or function).
const complete = main
  .filter((e) => e.ph === "X" && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts);
const tasks = complete.filter(
  (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask",
);
const label = (e: TraceEvent) => {
  const data = e.args?.data ?? {};
  const detail = (data.url as string | undefined) ?? (data.functionName as string | undefined);
  return detail ? `${e.name} ${String(detail).split("/").pop()}` : e.name;
};
let shortTotal = 0;
const totals = new Map<string, number>();
for (const task of tasks) {
  const end = task.ts + (task.dur ?? 0);
  const inside = complete.filter(
    (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end,
  );
  const byName = new Map<string, number>();
  for (const e of inside) {
    if (e.name === "RunTask") continue;
    const key = label(e);
    byName.set(key, (byName.get(key) ?? 0) + (e.dur ?? 0));
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0));
  }
  if ((task.dur ?? 0) < min * 1000) {
    shortTotal += task.dur ?? 0;
    continue;
  }
  const top = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`)
    .join(", ");
  console.log(`${ms(task.ts - origin)} ms +${ms(task.dur ?? 0)} ms  ${top}`);
}
console.log(`tasks under ${min} ms: ${(shortTotal / 1000).toFixed(0)} ms in all`);
console.log(
  "by kind (nested events count in each level):",
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`)
    .join(", "),
);
for (const e of events) {
  if (
    e.name.startsWith("hashiya:") ||
    e.name === "firstContentfulPaint" ||
    e.name === "domContentLoadedEventEnd"
  ) {
    if (e.pid === navStart?.pid) console.log(`${ms(e.ts - origin)} ms mark ${e.name}`);
  }
}
