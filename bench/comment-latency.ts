// P1: the time from a comment posted by one client to its arrival at the others, with 200
// connected readers of one text (short mode: 20). The readers run in a separate process.
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

const fixture = await createFixture({
  label: "bench_p1",
  paragraphs: arabicBook(2_000),
  members: 1,
});
const stack = await startBenchStack(fixture.database.url);
const listeners = fork(
  new URL("./lib/sse-listeners.ts", import.meta.url).pathname,
  [stack.webUrl, fixture.textId, String(LISTENERS)],
  { execArgv: ["--import", "tsx"] },
);

try {
  const arrivals = new Map<string, number[]>();
  await new Promise<void>((resolve, reject) => {
    listeners.on(
      "message",
      (message: { type: string; annotationId?: string; at?: number; message?: string }) => {
        if (message.type === "ready") resolve();
        if (message.type === "error") reject(new Error(message.message));
        if (message.type === "arrived") {
          const list = arrivals.get(message.annotationId!) ?? [];
          list.push(message.at!);
          arrivals.set(message.annotationId!, list);
        }
      },
    );
    listeners.once("exit", (code) => reject(new Error(`the listeners stopped (exit ${code})`)));
  });

  const member = fixture.members[0]!;
  const poster = webClient(stack.webUrl, await signIn(stack.webUrl, member.email, member.password));
  const latencies: number[] = [];
  for (let k = 0; k < COMMENTS; k++) {
    const postedAt = nowMs();
    const { thread } = await poster.annotation.create.mutate({
      textId: fixture.textId,
      textVersion: 1,
      start: 10 + k * 40,
      end: 30 + k * 40,
      body: plainTextToBody(`تعليق رقم ${k}`),
      visibility: "course",
      isQuestion: false,
      tags: [],
    });
    if (!thread) throw new Error("the created thread was not returned");
    const deadline = Date.now() + 10_000;
    while ((arrivals.get(thread.id)?.length ?? 0) < LISTENERS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const arrived = arrivals.get(thread.id) ?? [];
    if (arrived.length < LISTENERS)
      throw new Error(`comment ${k} reached ${arrived.length}/${LISTENERS} readers`);
    for (const at of arrived) latencies.push(at - postedAt);
  }
  console.log(summarise(`P1 comment → ${LISTENERS} readers (${COMMENTS} comments)`, latencies));
} finally {
  listeners.kill();
  await stack.stop();
  await fixture.database.drop();
}
