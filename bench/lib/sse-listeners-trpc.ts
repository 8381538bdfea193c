// Run as a child process by comment-latency.ts with `--trpc-readers`: opens N live
// subscriptions through tRPC's own client (anonymous readers of a public text) and reports each
// event's arrival time to the parent. Heavier than `sse-listeners.ts` (see there).
import { nowMs } from "./clock";
import { webClient } from "./web-client";

const [webUrl, textId, countArg] = process.argv.slice(2);
const count = Number(countArg);
const client = webClient(webUrl!);
let started = 0;
// Arrivals are timed as they happen and reported in batches, one message per batch: a
// message to the parent per arrival would delay the listeners after it by its own cost.
let pending: { annotationId: string; at: number }[] = [];
let contents: { annotationId: string; type: string; body: unknown }[] = [];
const reported = new Set<string>();
const report = () => {
  process.send?.({ type: "arrived", arrivals: pending, contents });
  pending = [];
  contents = [];
};

for (let listener = 0; listener < count; listener++) {
  client.live.onTextEvent.subscribe(
    { textId: textId! },
    {
      onStarted() {
        started++;
        if (started === count) process.send?.({ type: "ready" });
      },
      onData(event) {
        const data = (event as { data?: { annotationId: string; type: string } }).data ?? event;
        const { annotationId, type, thread } = data as {
          annotationId: string;
          type: string;
          thread: { body?: unknown } | null;
        };
        if (type !== "thread.created") return;
        if (pending.length === 0) setImmediate(report);
        if (!reported.has(annotationId)) {
          reported.add(annotationId);
          contents.push({ annotationId, type, body: thread?.body ?? null });
        }
        pending.push({ annotationId, at: nowMs() });
      },
      onError(error) {
        process.send?.({ type: "error", message: String(error) });
      },
    },
  );
}
process.on("disconnect", () => process.exit(0));
// A normal exit on SIGTERM (the parent's kill), so that `--cpu-prof` profiles get written.
process.on("SIGTERM", () => process.exit(0));
