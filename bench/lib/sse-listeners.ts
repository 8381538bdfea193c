// Run as a child process by comment-latency.ts, so that the listeners' load is not in the
// poster's process: opens N live streams of a text (anonymous readers of a public text) and
// reports each thread.created event's arrival time to the parent.
//
// Lighter than tRPC's client (`sse-listeners-trpc.ts`, `--trpc-readers`): 200 real readers
// are 200 browsers, each parsing one event, but here one process parses all of them, one
// after the other, and its parsing would be timed as the server's delay (measured: ~120 µs of
// this process's CPU per event with EventSource + tRPC + superjson, most of a comment's last-
// reader latency on a 2-core machine). So it speaks SSE itself, over node:http: the request
// is the one `httpSubscriptionLink` sends, each frame is split out of the stream, and every
// event is still checked to be the posted comment: the first copy of an event is parsed
// (type, annotation, body text reported to the parent, which compares them with what it
// posted), and every other reader's copy must be byte-identical to it, or it is parsed too.
import http from "node:http";
import { nowMs } from "./clock";

const [webUrl, textId, countArg] = process.argv.slice(2);
const count = Number(countArg);
const url = `${webUrl}/api/live/live.onTextEvent?input=${encodeURIComponent(
  JSON.stringify({ json: { textId } }),
)}`;
// One socket per reader, as separate browsers have.
const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

interface Seen {
  annotationId: string;
  type: string;
  body: unknown;
}
/** The first copy of each event, by its frame's `data` line: later copies compare with it. */
const firstCopies = new Map<string, Seen>();
/** Arrival times per event not yet reported (the parent hears of an event once, when complete). */
const arrivals = new Map<string, number[]>();
let contents: Seen[] = [];
/** How long an event may stay incomplete before what arrived is reported (for the error). */
const PARTIAL_AFTER_MS = 5_000;
// Arrivals are timed as they happen and reported once all this process's readers have the
// event, in one message: messages to the parent while the event is still arriving would cost
// CPU the server's fan-out and the other readers need (two cores).
const report = (annotationId: string) => {
  const times = arrivals.get(annotationId);
  if (!times) return;
  arrivals.delete(annotationId);
  process.send?.({
    type: "arrived",
    arrivals: times.map((at) => ({ annotationId, at })),
    contents,
  });
  contents = [];
};
const arrived = (annotationId: string, at: number) => {
  let times = arrivals.get(annotationId);
  if (!times) {
    times = [];
    arrivals.set(annotationId, times);
    setTimeout(() => report(annotationId), PARTIAL_AFTER_MS).unref();
  }
  times.push(at);
  if (times.length === count) report(annotationId);
};
const fail = (message: string) => {
  process.send?.({ type: "error", message });
};

/** What an event's `data` line says, parsed once per distinct line. */
function seenOf(data: string): Seen {
  let seen = firstCopies.get(data);
  if (!seen) {
    const event = (JSON.parse(data) as { json: Record<string, unknown> }).json;
    const thread = event.thread as { body?: unknown } | null;
    seen = {
      annotationId: String(event.annotationId),
      type: String(event.type),
      body: thread?.body ?? null,
    };
    firstCopies.set(data, seen);
    if (seen.type === "thread.created") contents.push(seen);
  }
  return seen;
}

let started = 0;
function listen() {
  let buffer = "";
  let connected = false;
  const request = http.get(
    url,
    { agent, headers: { accept: "text/event-stream", "cache-control": "no-cache" } },
    (response) => {
      if (response.statusCode !== 200) {
        fail(`a reader's stream answered HTTP ${response.statusCode}`);
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const at = nowMs();
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          // tRPC ends each frame with a third newline: a frame may start with it.
          const frame = buffer.slice(0, end).replace(/^\n+/, "");
          buffer = buffer.slice(end + 2);
          if (frame.startsWith("event: connected")) {
            if (!connected && ++started === count) process.send?.({ type: "ready" });
            connected = true;
            continue;
          }
          if (!frame.startsWith("data: ")) continue; // pings, blank separators
          const lineEnd = frame.indexOf("\n");
          const seen = seenOf(frame.slice(6, lineEnd < 0 ? undefined : lineEnd));
          if (seen.type === "thread.created") arrived(seen.annotationId, at);
        }
      });
      response.on("end", () => fail("a reader's stream ended"));
    },
  );
  request.on("error", (error) => fail(String(error)));
}

for (let listener = 0; listener < count; listener++) listen();
process.on("disconnect", () => process.exit(0));
// A normal exit on SIGTERM (the parent's kill), so that `--cpu-prof` profiles get written.
process.on("SIGTERM", () => process.exit(0));
