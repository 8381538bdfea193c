// P2: sustained annotation creation through the web app's tRPC route — session cookie,
// validation, per-user write budget, database write and live broadcast to a few SSE readers —
// from 500 signed-in users, each within their budget (30 comments a minute), generated from a
// separate process with a fixed number of requests in flight (short mode: 50 users).
// `--concurrency N` (default 32) sets the requests in flight, `--seconds N` (default 60) bounds
// the run, `--listeners N` (default 5) the SSE readers. Warm-up writes come from users of their own first. Figures depend on the machine's load: the load average is printed too.
import { type ChildProcess, fork } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { rateBudgets } from "@hashiya/api/abuse";
import type { LoadPlan, LoadReport } from "./lib/annotation-load";
import { arabicBook } from "./lib/arabic-book";
import { nowMs } from "./lib/clock";
import { createFixture } from "./lib/fixture";
import { cpuMs, listeningPid } from "./lib/process-cpu";
import { short, summarise } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import { signIn } from "./lib/web-client";

const USERS = short ? 50 : 500;
const WARMUP_USERS = short ? 5 : 20;
const LISTENERS_DEFAULT = short ? 2 : 5;
// Within the budget: every user's writes of the run fall in one budget window.
const PER_USER = Math.min(short ? 4 : 24, rateBudgets.comment.points);
const WARMUP_PER_USER = 10;
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CONCURRENCY = flag("--concurrency", short ? 8 : 32);
// `--listeners 0` measures the write without its live delivery.
const LISTENERS = flag("--listeners", LISTENERS_DEFAULT);
// The run stops at its count or after this long, whichever comes first.
const MAX_SECONDS = flag("--seconds", short ? 20 : 60);
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(" ");
const loadBefore = loadavg();

const fixture = await createFixture({
  label: "bench_p2",
  paragraphs: arabicBook(short ? 2_000 : 10_000),
  members: USERS + WARMUP_USERS,
});
const { body } = await fixture.database.db.text.findUniqueOrThrow({
  where: { id: fixture.textId },
  select: { body: true },
});
const textLength = [...body].length;
const stack = await startBenchStack(fixture.database.url);
const children: ChildProcess[] = [];
const child = (file: string, args: string[] = []) => {
  const process = fork(new URL(file, import.meta.url).pathname, args, {
    execArgv: ["--import", "tsx"],
  });
  children.push(process);
  return process;
};

// Stopped from outside (Ctrl-C, a time limit): take the servers and helpers down too, or the
// web server would go on running on its own.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const helper of children) helper.kill();
    void stack.stop().finally(() => process.exit(130));
  });
}

/** Sends one plan to a fresh load process and waits for its report. */
function generate(plan: LoadPlan): Promise<LoadReport> {
  const generator = child("./lib/annotation-load.ts");
  return new Promise((resolve, reject) => {
    generator.once("message", (report: LoadReport) => resolve(report));
    generator.once("exit", (code) =>
      reject(new Error(`the load generator stopped (exit ${code})`)),
    );
    generator.send(plan);
  });
}

try {
  // Real sign-ins through Auth.js's credentials route (argon2 verification), a few at a time.
  const signInStarted = nowMs();
  const cookies: string[] = [];
  for (let k = 0; k < fixture.members.length; k += 16) {
    const batch = fixture.members.slice(k, k + 16);
    cookies.push(
      ...(await Promise.all(batch.map((m) => signIn(stack.webUrl, m.email, m.password)))),
    );
  }
  const signInMs = nowMs() - signInStarted;
  progress(`${cookies.length} users signed in (${(signInMs / 1000).toFixed(1)} s)`);

  const listeners = child("./lib/sse-counters.ts", [
    stack.webUrl,
    fixture.textId,
    String(LISTENERS),
  ]);
  await new Promise<void>((resolve, reject) => {
    listeners.on("message", (message: { type: string; message?: string }) => {
      if (message.type === "ready") resolve();
      if (message.type === "error") reject(new Error(message.message));
    });
    listeners.once("exit", (code) => reject(new Error(`the listeners stopped (exit ${code})`)));
  });
  const received = () =>
    new Promise<number[]>((resolve) => {
      const answer = (message: { type: string; received?: number[] }) => {
        if (message.type !== "count") return;
        listeners.off("message", answer);
        resolve(message.received!);
      };
      listeners.on("message", answer);
      listeners.send({ type: "count" });
    });

  const base = {
    webUrl: stack.webUrl,
    textId: fixture.textId,
    textLength,
    concurrency: CONCURRENCY,
  };
  const warmup = await generate({
    ...base,
    cookies: cookies.slice(USERS),
    perUser: WARMUP_PER_USER,
    label: "warm-up",
    maxSeconds: Math.max(5, MAX_SECONDS / 4),
  });
  progress(`warm-up: ${warmup.latenciesMs.length} writes`);
  const loadDuring = loadavg();
  // The web server's processes, and the PostgreSQL backends connected to this database.
  const webPid = listeningPid(Number(new URL(stack.webUrl).port));
  if (!webPid) throw new Error("could not find the web server's process");
  const web = [webPid];
  const backends = (
    await fixture.database.db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
  ).map((row) => row.pid);
  const cpuBefore = { web: cpuMs(web), postgres: cpuMs(backends) };
  const report = await generate({
    ...base,
    cookies: cookies.slice(0, USERS),
    perUser: PER_USER,
    label: "p2",
    maxSeconds: MAX_SECONDS,
  });

  const cpu = { web: cpuMs(web) - cpuBefore.web, postgres: cpuMs(backends) - cpuBefore.postgres };
  const writes = report.latenciesMs.length;
  const ok = report.statuses["200"] ?? 0;
  const seconds = (report.endedAt - report.startedAt) / 1000;
  const expected = (warmup.statuses["200"] ?? 0) + ok;
  // Every listener must get every created thread; the time the last one took after the last answer.
  const deadline = Date.now() + 60_000;
  let counts = await received();
  while (counts.some((n) => n < expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    counts = await received();
  }
  const lastArrivalAfterMs = nowMs() - report.endedAt;

  console.log(
    `P2 annotation.create over HTTP: ${writes} writes from ${USERS} signed-in users ` +
      `(up to ${PER_USER} each, ${CONCURRENCY} in flight) in ${seconds.toFixed(1)} s = ` +
      `${(ok / seconds).toFixed(0)} writes/s`,
  );
  console.log(`  ${summarise("latency", report.latenciesMs)}`);
  console.log(
    `  statuses: ${JSON.stringify(report.statuses)}${report.firstError ? `; first error: ${report.firstError}` : ""}`,
  );
  const perWrite = (ms: number) => (ms / Math.max(1, ok)).toFixed(2);
  console.log(
    `  CPU per write: web server ${perWrite(cpu.web)} ms, PostgreSQL ${perWrite(cpu.postgres)} ms ` +
      `(this database's backends; live delivery included) → at most ~${(
        (cpus().length * 1000 * ok) / Math.max(1, cpu.web + cpu.postgres)
      ).toFixed(0)} writes/s if both had the ${cpus().length} cores to themselves`,
  );
  console.log(
    `  live: ${LISTENERS} SSE readers received ${counts.join("/")} of ${expected} thread.created events ` +
      `(all in by ${lastArrivalAfterMs.toFixed(0)} ms after the last answer)`,
  );
  console.log(
    `  sign-in of ${cookies.length} users: ${(signInMs / 1000).toFixed(1)} s; machine: ${cpus().length} cores, ` +
      `load average before ${load(loadBefore)}, during ${load(loadDuring)}, after ${load(loadavg())}`,
  );
  if (ok !== writes || counts.some((n) => n < expected)) process.exitCode = 1;
} finally {
  for (const process of children) process.kill();
  await stack.stop();
  await fixture.database.drop();
}
