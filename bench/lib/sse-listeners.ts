// Run as a child process by comment-latency.ts, so that the listeners' load is not in the
// poster's process: opens N live subscriptions (anonymous readers of a public text) and reports
// each event's arrival time to the parent.
import { nowMs } from "./clock";
import { webClient } from "./web-client";

const [webUrl, textId, countArg] = process.argv.slice(2);
const count = Number(countArg);
const client = webClient(webUrl!);
let started = 0;
// Arrivals are timed as they happen and reported in batches, one message per batch: a
// message to the parent per arrival would delay the listeners after it by its own cost.
let pending: { annotationId: string; at: number }[] = [];
const report = () => {
  process.send?.({ type: "arrived", arrivals: pending });
  pending = [];
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
        const { annotationId, type } = data as { annotationId: string; type: string };
        if (type !== "thread.created") return;
        if (pending.length === 0) setImmediate(report);
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
