// Run as a child process by annotation-throughput.ts: opens N live subscriptions to one text
// (anonymous readers of a public text) and counts the `thread.created` events each receives,
// answering the parent's "count" messages with the totals (one message per poll, not per event,
// so that reporting costs nothing at a thousand events a second).
import { webClient } from "./web-client";

const [webUrl, textId, countArg] = process.argv.slice(2);
const count = Number(countArg);
const client = webClient(webUrl!);
const received = new Array<number>(count).fill(0);
let started = 0;

for (let listener = 0; listener < count; listener++) {
  client.live.onTextEvent.subscribe(
    { textId: textId! },
    {
      onStarted() {
        started++;
        if (started === count) process.send?.({ type: "ready" });
      },
      onData(event) {
        const data = ((event as { data?: { type: string } }).data ?? event) as { type: string };
        if (data.type === "thread.created") received[listener]!++;
      },
      onError(error) {
        process.send?.({ type: "error", message: String(error) });
      },
    },
  );
}
if (count === 0) process.send?.({ type: "ready" });
process.on("message", (message: { type: string }) => {
  if (message.type === "count") process.send?.({ type: "count", received });
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
