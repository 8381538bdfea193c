// P4's exporting process: W3C exports as the export route runs them (in the export worker, whose
// thread is part of this process), each read to the end as a client would. After one unmeasured
// export (a warm server's state: the worker started, its code and Prisma's WebAssembly query
// compiler compiled, which the first export of a process pays once, ~60 MB of the compilers'
// memory at a moment that varies run to run), the texts named are exported in turn, each with
// its wall time, CPU time and the process's RSS sampled while it runs. JSON on stdout.
import { exportInWorker } from "@hashiya/api/export";

const [url, userId, warmUpTextId, ...textIds] = process.argv.slice(2) as [string, string, string];
const actor = { userId, isAdmin: false };
const request = { format: "w3c", baseUrl: "https://hashiya.example" } as const;
const rssMb = () => process.memoryUsage.rss() / 1048576;

async function exportText(textId: string) {
  let peakRssMb = rssMb();
  const rssBeforeMb = peakRssMb;
  // Every 20 ms: the main thread mostly waits on the worker's chunks.
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb());
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
  return { ms, cpuMs, bytes, total: response.total, rssBeforeMb, peakRssMb };
}

await exportText(warmUpTextId);
const runs = [];
for (const textId of textIds) runs.push(await exportText(textId));
// maxRSS (the process's high-water mark, start-up and warm-up included) is in kilobytes.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ runs, maxRssMb })}\n`);
