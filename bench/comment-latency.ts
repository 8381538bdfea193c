// P1: the time from a comment posted by one client to its arrival at the others, with 200
// connected readers of one text (short mode: 20). The readers run in a separate process
// (`--reader-processes N` spreads them over N, to tell the readers' own cost from the server's).
// They speak SSE themselves (`lib/sse-listeners.ts`: tRPC's client in one process cost more CPU
// per comment than the server, and its parsing was timed as delivery); `--trpc-readers` uses
// tRPC's client instead. Each event is checked to be the posted comment (id, type, body).
// A few unmeasured comments warm the servers up first; the figures come with a breakdown and
// the CPU each process spent per comment.
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { bodyToPlainText, type CommentBody, plainTextToBody } from "@hashiya/annotation-schema";
import { arabicBook } from "./lib/arabic-book";
import { nowMs } from "./lib/clock";
import { createFixture } from "./lib/fixture";
import { nodeFetch } from "./lib/node-fetch";
import { cpuMs, listeningPid } from "./lib/process-cpu";
import { short, summarise } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import { signIn, webClient } from "./lib/web-client";

const readersArg = process.argv.indexOf("--readers");
// `--readers N`: the web server's CPU at 1 and at 200 readers tells the write from the delivery.
const LISTENERS = readersArg > 0 ? Number(process.argv[readersArg + 1]) : short ? 20 : 200;
const commentsArg = process.argv.indexOf("--comments");
// `--comments N` for longer runs (profiling: the steady state outweighs the start-up).
const COMMENTS = commentsArg > 0 ? Number(process.argv[commentsArg + 1]) : short ? 5 : 50;
const WARMUP = 3;
const readerProcessesArg = process.argv.indexOf("--reader-processes");
const READER_PROCESSES =
  readerProcessesArg > 0 ? Math.max(1, Number(process.argv[readerProcessesArg + 1])) : 1;

// Posters take turns: each stays within the per-user comment budget (30 a minute).
const POSTERS = Math.ceil((COMMENTS + WARMUP) / 25);
const fixture = await createFixture({
  label: "bench_p1",
  // Each comment takes 40 code points of its own (about 8 words).
  paragraphs: arabicBook(Math.max(2_000, (COMMENTS + WARMUP) * 8)),
  members: POSTERS,
});
const stack = await startBenchStack(fixture.database.url);
const readerScript = process.argv.includes("--trpc-readers")
  ? "./lib/sse-listeners-trpc.ts"
  : "./lib/sse-listeners.ts";
const listenerProcesses = Array.from({ length: READER_PROCESSES }, (_, p) =>
  fork(
    new URL(readerScript, import.meta.url).pathname,
    [
      stack.webUrl,
      fixture.textId,
      String(Math.floor(LISTENERS / READER_PROCESSES) + (p < LISTENERS % READER_PROCESSES ? 1 : 0)),
    ],
    { execArgv: ["--import", "tsx"] },
  ),
);

try {
  const arrivals = new Map<string, number[]>();
  /** What the readers found in each thread.created event: its type and body, per process. */
  const contents = new Map<string, { type: string; body: unknown }[]>();
  let failure: Error | null = null;
  // Wakes the poster's wait as soon as every reader has the comment (no polling).
  let awaited: { annotationId: string; resolve: () => void } | null = null;
  await Promise.all(
    listenerProcesses.map(
      (listeners) =>
        new Promise<void>((resolve, reject) => {
          listeners.on(
            "message",
            (message: {
              type: string;
              arrivals?: { annotationId: string; at: number }[];
              contents?: { annotationId: string; type: string; body: unknown }[];
              message?: string;
            }) => {
              if (message.type === "ready") resolve();
              if (message.type === "error") {
                failure ??= new Error(message.message);
                reject(failure);
                awaited?.resolve();
              }
              for (const { annotationId, ...content } of message.contents ?? []) {
                contents.set(annotationId, [...(contents.get(annotationId) ?? []), content]);
              }
              for (const { annotationId, at } of message.arrivals ?? []) {
                const list = arrivals.get(annotationId) ?? [];
                list.push(at);
                arrivals.set(annotationId, list);
              }
              if (awaited && (arrivals.get(awaited.annotationId)?.length ?? 0) >= LISTENERS) {
                awaited.resolve();
              }
            },
          );
          listeners.once("exit", (code) => {
            failure ??= new Error(`the listeners stopped (exit ${code})`);
            reject(failure);
            awaited?.resolve();
          });
        }),
    ),
  );

  const posters = await Promise.all(
    fixture.members.map(async (member) =>
      webClient(stack.webUrl, await signIn(stack.webUrl, member.email, member.password), {
        fetch: nodeFetch,
      }),
    ),
  );
  // CPU per measured comment, from /proc: steadier than wall time on a machine shared with
  // other work. The web server, this database's PostgreSQL backends, the readers' process(es)
  // and this (the poster's) process.
  const webPid = listeningPid(Number(new URL(stack.webUrl).port));
  if (!webPid) throw new Error("could not find the web server's process");
  const backendsNow = async () =>
    (
      await fixture.database.db.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
    ).map((row) => row.pid);
  // Backends seen at the start, with their CPU then; one that connects later counts in full.
  let backendsBefore = new Map<number, number>();
  const postgresSince = (pids: number[]) =>
    pids.reduce((sum, pid) => sum + cpuMs([pid]) - (backendsBefore.get(pid) ?? 0), 0);
  const readerPids = listenerProcesses.map((child) => child.pid!);
  const cpuNow = () => ({
    web: cpuMs([webPid]),
    readers: cpuMs(readerPids),
    poster: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
  });
  let cpuBefore = cpuNow();
  const latencies: number[] = [];
  const roundTrips: number[] = [];
  const firstArrivals: number[] = [];
  const lastArrivals: number[] = [];
  for (let k = -WARMUP; k < COMMENTS; k++) {
    const poster = posters[(k + WARMUP) % posters.length]!;
    const postedAt = nowMs();
    const words = `تعليق رقم ${k}`;
    const { thread } = await poster.annotation.create.mutate({
      textId: fixture.textId,
      textVersion: 1,
      start: 10 + (k + WARMUP) * 40,
      end: 30 + (k + WARMUP) * 40,
      body: plainTextToBody(words),
      visibility: "course",
      isQuestion: false,
      tags: [],
    });
    const answeredAt = nowMs();
    if (!thread) throw new Error("the created thread was not returned");
    if ((arrivals.get(thread.id)?.length ?? 0) < LISTENERS) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        awaited = {
          annotationId: thread.id,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      awaited = null;
    }
    if (failure) throw failure;
    const arrived = arrivals.get(thread.id) ?? [];
    if (arrived.length !== LISTENERS)
      throw new Error(`comment ${k} reached ${arrived.length}/${LISTENERS} readers`);
    for (const content of contents.get(thread.id) ?? []) {
      const said = content.body ? bodyToPlainText(content.body as CommentBody) : null;
      if (content.type !== "thread.created" || said !== words)
        throw new Error(`comment ${k} arrived as ${content.type} saying ${JSON.stringify(said)}`);
    }
    if (!contents.has(thread.id)) throw new Error(`comment ${k}'s content was not checked`);
    if (k < 0) {
      if (k === -1) {
        backendsBefore = new Map((await backendsNow()).map((pid) => [pid, cpuMs([pid])]));
        cpuBefore = cpuNow();
      }
      continue; // warming up
    }
    for (const at of arrived) latencies.push(at - postedAt);
    roundTrips.push(answeredAt - postedAt);
    firstArrivals.push(Math.min(...arrived) - postedAt);
    lastArrivals.push(Math.max(...arrived) - postedAt);
  }
  console.log(summarise(`P1 comment → ${LISTENERS} readers (${COMMENTS} comments)`, latencies));
  console.log(`  ${summarise("create round trip", roundTrips)}`);
  console.log(`  ${summarise("first reader", firstArrivals)}`);
  console.log(`  ${summarise("last reader", lastArrivals)}`);
  const cpuAfter = cpuNow();
  const per = (key: keyof typeof cpuAfter) =>
    `${((cpuAfter[key] - cpuBefore[key]) / COMMENTS).toFixed(1)} ms`;
  const backends = new Set([...backendsBefore.keys(), ...(await backendsNow())]);
  const postgres = `${(postgresSince([...backends]) / COMMENTS).toFixed(1)} ms`;
  console.log(
    `  CPU per comment: web server ${per("web")}, PostgreSQL ${postgres}, ` +
      `readers ${per("readers")}, poster ${per("poster")} (load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")})`,
  );
} finally {
  for (const listeners of listenerProcesses) listeners.kill();
  await stack.stop();
  await fixture.database.drop();
}
