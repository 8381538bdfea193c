import { type LiveEvent, type LiveInput, liveInputSchema } from "@hashiya/annotation-schema";
import { appRouter } from "../root";
import type { Context } from "../trpc";
import type { LiveSubscription, ViewerSink } from "./fanout";
import { connectedFrame, joinFrames, PING_FRAME, trackedFrame } from "./sse-frames";
import { openLiveSubscription } from "./subscription";

// The fast path for `live.onTextEvent` over SSE. tRPC streams each viewer's events through a
// chain of async generators and streams of its own, and serialises every event once per
// viewer: with hundreds of viewers of a text, that is most of the cost of a write. Here each
// event is encoded once (per shape: viewers who see it alike share it) and its bytes go
// straight into every viewer's response — the same bytes tRPC would send (`sse-frames.ts`),
// so `httpSubscriptionLink` sees no difference. Anything but the plain case (a malformed or
// batched request, connection params, a refusal) goes to tRPC, which answers it as always.

const PATH = "live.onTextEvent";
/** Bytes queued for a slow client before its viewer is paused (it later reads the log). */
const HIGH_WATER_BYTES = 256 * 1024;
/** tRPC's headers for a subscription response (its `sseHeaders`, and `vary`). */
const HEADERS: [string, string][] = [
  ["vary", "trpc-accept, accept"],
  ["content-type", "text/event-stream"],
  ["cache-control", "no-cache, no-transform"],
  ["x-accel-buffering", "no"],
  ["connection", "keep-alive"],
];

const config = appRouter._def._config;
const frames = new WeakMap<LiveEvent, Uint8Array>();

// Pings, as tRPC's `sse.ping` asks: one sweep per process rather than a timer per stream
// re-armed on every write. A stream silent for `pingMs` gets a ping within a third more.
const PING_MS = config.sse?.ping?.enabled ? (config.sse.ping.intervalMs ?? 1_000) : 0;
const idleStreams = new Set<{ lastWriteAt: number; ping(): void }>();
let sweep: NodeJS.Timeout | null = null;
function watchIdle(stream: { lastWriteAt: number; ping(): void }): () => void {
  if (PING_MS <= 0) return () => {};
  idleStreams.add(stream);
  sweep ??= setInterval(
    () => {
      const due = performance.now() - PING_MS;
      for (const each of idleStreams) if (each.lastWriteAt <= due) each.ping();
    },
    Math.max(1, Math.floor(PING_MS / 3)),
  ).unref();
  return () => {
    idleStreams.delete(stream);
    if (idleStreams.size === 0 && sweep) {
      clearInterval(sweep);
      sweep = null;
    }
  };
}

/** An event's frame, encoded once however many viewers get the same event object. */
function frameOf(event: LiveEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = trackedFrame(event.eventId, JSON.stringify(config.transformer.output.serialize(event)));
    frames.set(event, frame);
  }
  return frame;
}

const trimSlashes = (path: string) => path.replace(/^\/|\/$/g, "");

/** The input as tRPC reads it: `?input=` through the transformer, Last-Event-ID merged in. */
function inputOf(req: Request, params: URLSearchParams): LiveInput | null {
  let input: unknown;
  const raw = params.get("input");
  try {
    if (raw) input = config.transformer.input.deserialize(JSON.parse(raw));
  } catch {
    return null;
  }
  const lastEventId =
    req.headers.get("last-event-id") ?? params.get("lastEventId") ?? params.get("Last-Event-Id");
  if (lastEventId) {
    const isObject = !!input && typeof input === "object" && !Array.isArray(input);
    if (isObject) input = { ...(input as object), lastEventId };
    else input ??= { lastEventId };
  }
  const parsed = liveInputSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

/**
 * The SSE response of a `live.onTextEvent` subscription request, or null when the request is
 * not the plain case (then answer it with tRPC's handler, as any other). `endpoint` is the
 * tRPC handler's (e.g. "/api/trpc").
 */
export async function liveSubscriptionResponse(
  req: Request,
  options: { endpoint: string; ctx: Pick<Context, "db" | "user" | "live"> },
): Promise<Response | null> {
  if (req.method !== "GET") return null;
  const url = new URL(req.url);
  const path = trimSlashes(trimSlashes(url.pathname).slice(trimSlashes(options.endpoint).length));
  if (path !== PATH) return null;
  const params = url.searchParams;
  if (params.has("batch") || params.has("connectionParams")) return null;
  const input = inputOf(req, params);
  if (!input) return null;

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let subscription: LiveSubscription | null = null;
  let unwatch = () => {};
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unwatch();
    req.signal.removeEventListener("abort", close);
    subscription?.close();
  };
  const idle = { lastWriteAt: performance.now(), ping: () => write(PING_FRAME) };
  const write = (chunk: Uint8Array): boolean => {
    if (closed) return false;
    try {
      controller.enqueue(chunk);
    } catch {
      close();
      return false;
    }
    idle.lastWriteAt = performance.now();
    return (controller.desiredSize ?? 0) > 0;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        c.enqueue(connectedFrame(config.sse?.client ?? {}));
      },
      // The client took what was queued: a viewer paused for being slow may go on.
      pull() {
        subscription?.resume();
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  const sink: ViewerSink = {
    deliver: (events) => write(joinFrames(events.map(frameOf))),
    // The stream ends without tRPC's "return" event, so the client reconnects with its last
    // id; that request, if refused, is answered by tRPC with its own error event.
    fail() {
      close();
      try {
        controller.close();
      } catch {}
    },
  };
  try {
    subscription = await openLiveSubscription(options.ctx, input, sink);
  } catch {
    close();
    return null;
  }
  if (req.signal.aborted) close();
  else {
    req.signal.addEventListener("abort", close, { once: true });
    unwatch = watchIdle(idle);
  }
  return new Response(stream, { status: 200, headers: HEADERS });
}
