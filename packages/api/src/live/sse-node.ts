import type { IncomingMessage, ServerResponse } from "node:http";
import { type LiveEvent, type LiveInput, liveInputSchema } from "@hashiya/annotation-schema";
import { appRouter } from "../root";
import type { Context } from "../trpc";
import type { LiveSubscription, ViewerSink } from "./fanout";
import { connectedFrame, joinFrames, PING_FRAME, trackedFrame } from "./sse-frames";
import { openLiveSubscription } from "./subscription";

// The fast path for `live.onTextEvent` over SSE, written straight into Node's response. tRPC
// streams each viewer's events through a chain of async generators and web streams of its
// own, and serialises every event once per viewer; a Next.js route handler adds a web stream
// piped to the socket. With hundreds of viewers of a text, that was most of a write's cost.
// Here each event is encoded once (viewers who see it alike share the object, so its frame)
// and every viewer's frame is one `res.write`, which goes to the socket at once: the first
// viewers have it while the others are still being served. The bytes are tRPC's
// (`sse-frames.ts`), so `httpSubscriptionLink` sees no difference. Anything but the plain case
// (a malformed or batched request, connection params, a refusal) is left to tRPC, which
// answers it as always.

const PATH = "live.onTextEvent";
/** Bytes queued for a slow client before its viewer is paused (it later reads the log). */
const HIGH_WATER_BYTES = 256 * 1024;
/** tRPC's headers for a subscription response (its `sseHeaders`, and `vary`). */
const HEADERS = {
  vary: "trpc-accept, accept",
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
  connection: "keep-alive",
};

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

/**
 * The input of a plain `live.onTextEvent` subscription request (GET, not batched, no
 * connection params, `?input=` through the transformer, Last-Event-ID merged in as tRPC does),
 * or null when the request is anything else. `endpoint` is where the procedures are served.
 */
export function plainLiveInput(
  request: { method?: string; url: URL; lastEventIdHeader?: string | null },
  endpoint: string,
): LiveInput | null {
  const { url } = request;
  if (request.method !== "GET") return null;
  const path = trimSlashes(trimSlashes(url.pathname).slice(trimSlashes(endpoint).length));
  if (path !== PATH) return null;
  const params = url.searchParams;
  if (params.has("batch") || params.has("connectionParams")) return null;
  let input: unknown;
  const raw = params.get("input");
  try {
    if (raw) input = config.transformer.input.deserialize(JSON.parse(raw));
  } catch {
    return null;
  }
  const lastEventId =
    request.lastEventIdHeader ?? params.get("lastEventId") ?? params.get("Last-Event-Id");
  if (lastEventId) {
    const isObject = !!input && typeof input === "object" && !Array.isArray(input);
    if (isObject) input = { ...(input as object), lastEventId };
    else input ??= { lastEventId };
  }
  const parsed = liveInputSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

/**
 * Answers a `live.onTextEvent` subscription request with its SSE stream and resolves true, or
 * resolves false without touching the response when it is not the plain case (then answer it
 * with tRPC's handler, as any other).
 */
export async function serveLiveSubscription(
  req: IncomingMessage,
  res: ServerResponse,
  options: { endpoint: string; ctx: Pick<Context, "db" | "user" | "live"> },
): Promise<boolean> {
  const header = req.headers["last-event-id"];
  const input = plainLiveInput(
    {
      method: req.method,
      url: new URL(req.url ?? "/", "http://localhost"),
      lastEventIdHeader: typeof header === "string" ? header : null,
    },
    options.endpoint,
  );
  if (!input) return false;

  let subscription: LiveSubscription | null = null;
  let unwatch = () => {};
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unwatch();
    res.off("close", close);
    res.off("drain", resume);
    subscription?.close();
  };
  // The client took what was queued: a viewer paused for being slow may go on.
  const resume = () => subscription?.resume();
  const write = (chunk: Uint8Array): boolean => {
    if (closed || res.destroyed) {
      close();
      return false;
    }
    const flushed = res.write(chunk);
    idle.lastWriteAt = performance.now();
    return flushed || res.writableLength < HIGH_WATER_BYTES;
  };
  const idle = { lastWriteAt: performance.now(), ping: () => write(PING_FRAME) };
  const sink: ViewerSink = {
    deliver: (events) => write(joinFrames(events.map(frameOf))),
    // The stream ends without tRPC's "return" event, so the client reconnects with its last
    // id; that request, if refused, is answered by tRPC with its own error event.
    fail() {
      close();
      res.end();
    },
  };
  // Events may come as soon as the subscription opens, before the head is written: they wait.
  let opened = false;
  let failedOpening = false;
  const early: Uint8Array[] = [];
  const openingSink: ViewerSink = {
    deliver(events) {
      if (opened) return sink.deliver(events);
      early.push(joinFrames(events.map(frameOf)));
      return true;
    },
    fail(error) {
      if (opened) return sink.fail(error);
      failedOpening = true;
      close();
    },
  };
  try {
    subscription = await openLiveSubscription(options.ctx, input, openingSink);
  } catch {
    close();
    return false;
  }
  // Lost access in the instant it opened: tRPC answers the request (with the refusal).
  if (failedOpening) return false;
  if (req.destroyed || res.destroyed) {
    close();
    return true;
  }
  res.on("close", close);
  res.on("drain", resume);
  res.writeHead(200, HEADERS);
  opened = true;
  write(connectedFrame(config.sse?.client ?? {}));
  for (const chunk of early) write(chunk);
  unwatch = watchIdle(idle);
  return true;
}
