// P4's exporting process: one W3C export as the export route runs it (in the export worker,
// whose thread is part of this process), read to the end as a client would, then its wall time
// and the process's RSS high-water mark on stdout.
import { exportInWorker } from "@hashiya/api/export";

const [url, textId, userId] = process.argv.slice(2) as [string, string, string];
const actor = { userId, isAdmin: false };
const request = { format: "w3c", baseUrl: "https://hashiya.example" } as const;
// The worker started first (an export of no text: refused, once its code is loaded), then the
// RSS sampled while the export runs (the main thread mostly waits): unlike maxRSS it is not
// masked by start-up (tsx compiling the sources in both threads, which a Next build does not).
const workerStarted = performance.now();
await exportInWorker(url, actor, { ...request, kind: "text", id: "no-such-text" });
const workerStartMs = performance.now() - workerStarted;
const mb = () => process.memoryUsage.rss() / 1048576;
const rssAtStartMb = mb();
let rssDuringMb = rssAtStartMb;
const sampler = setInterval(() => {
  rssDuringMb = Math.max(rssDuringMb, mb());
}, 20);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const response = await exportInWorker(url, actor, { ...request, kind: "text", id: textId });
if (!response) throw new Error("the instructor may not export the benchmark's text");
let bytes = 0;
const reader = response.body.getReader();
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
}
const ms = performance.now() - started;
clearInterval(sampler);
// CPU time of this process (all its threads): steadier than wall time on a busy machine.
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
// maxRSS is in kilobytes (process.resourceUsage).
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, bytes, total: response.total, maxRssMb, rssAtStartMb, rssDuringMb, workerStartMs })}\n`,
);
