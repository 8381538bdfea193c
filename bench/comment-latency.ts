// P1: the time from a comment posted by one client to its arrival at the others, with 200
// connected readers of one text (short mode: 20). The readers run in a separate process
// (`--reader-processes N` spreads them over N, to tell the readers' own cost from the server's).
// A few unmeasured comments warm the servers up first; the figures come with a breakdown.
import { fork } from "node:child_process";
import { plainTextToBody } from "@hashiya/annotation-schema";
import { arabicBook } from "./lib/arabic-book";
import { nowMs } from "./lib/clock";
import { createFixture } from "./lib/fixture";
import { short, summarise } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import { signIn, webClient } from "./lib/web-client";

const LISTENERS = short ? 20 : 200;
const COMMENTS = short ? 5 : 50;
const WARMUP = 3;
const readerProcessesArg = process.argv.indexOf("--reader-processes");
const READER_PROCESSES =
  readerProcessesArg > 0 ? Math.max(1, Number(process.argv[readerProcessesArg + 1])) : 1;

// Posters take turns: each stays within the per-user comment budget (30 a minute).
const POSTERS = Math.ceil((COMMENTS + WARMUP) / 25);
const fixture = await createFixture({
  label: "bench_p1",
  paragraphs: arabicBook(2_000),
  members: POSTERS,
});
const stack = await startBenchStack(fixture.database.url);
const listenerProcesses = Array.from({ length: READER_PROCESSES }, (_, p) =>
  fork(
    new URL("./lib/sse-listeners.ts", import.meta.url).pathname,
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
  await Promise.all(
    listenerProcesses.map(
      (listeners) =>
        new Promise<void>((resolve, reject) => {
          listeners.on(
            "message",
            (message: {
              type: string;
              arrivals?: { annotationId: string; at: number }[];
              message?: string;
            }) => {
              if (message.type === "ready") resolve();
              if (message.type === "error") reject(new Error(message.message));
              for (const { annotationId, at } of message.arrivals ?? []) {
                const list = arrivals.get(annotationId) ?? [];
                list.push(at);
                arrivals.set(annotationId, list);
              }
            },
          );
          listeners.once("exit", (code) =>
            reject(new Error(`the listeners stopped (exit ${code})`)),
          );
        }),
    ),
  );

  const posters = await Promise.all(
    fixture.members.map(async (member) =>
      webClient(stack.webUrl, await signIn(stack.webUrl, member.email, member.password)),
    ),
  );
  const latencies: number[] = [];
  const roundTrips: number[] = [];
  const firstArrivals: number[] = [];
  const lastArrivals: number[] = [];
  for (let k = -WARMUP; k < COMMENTS; k++) {
    const poster = posters[(k + WARMUP) % posters.length]!;
    const postedAt = nowMs();
    const { thread } = await poster.annotation.create.mutate({
      textId: fixture.textId,
      textVersion: 1,
      start: 10 + (k + WARMUP) * 40,
      end: 30 + (k + WARMUP) * 40,
      body: plainTextToBody(`تعليق رقم ${k}`),
      visibility: "course",
      isQuestion: false,
      tags: [],
    });
    const answeredAt = nowMs();
    if (!thread) throw new Error("the created thread was not returned");
    const deadline = Date.now() + 10_000;
    while ((arrivals.get(thread.id)?.length ?? 0) < LISTENERS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const arrived = arrivals.get(thread.id) ?? [];
    if (arrived.length < LISTENERS)
      throw new Error(`comment ${k} reached ${arrived.length}/${LISTENERS} readers`);
    if (k < 0) continue; // warming up
    for (const at of arrived) latencies.push(at - postedAt);
    roundTrips.push(answeredAt - postedAt);
    firstArrivals.push(Math.min(...arrived) - postedAt);
    lastArrivals.push(Math.max(...arrived) - postedAt);
  }
  console.log(summarise(`P1 comment → ${LISTENERS} readers (${COMMENTS} comments)`, latencies));
  console.log(`  ${summarise("create round trip", roundTrips)}`);
  console.log(`  ${summarise("first reader", firstArrivals)}`);
  console.log(`  ${summarise("last reader", lastArrivals)}`);
} finally {
  for (const listeners of listenerProcesses) listeners.kill();
  await stack.stop();
  await fixture.database.drop();
}
