// The fast path's frames against tRPC's own SSE encoder (`sseStreamProducer`), byte for byte:
// if a tRPC upgrade changes its wire format, this fails before any client notices.
import type { LiveEvent } from "@hashiya/annotation-schema";
import { tracked } from "@trpc/server";
import { sseStreamProducer } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { connectedFrame, joinFrames, PING_FRAME, trackedFrame } from "./sse-frames";

const config = appRouter._def._config;
const serialize = (value: unknown) => config.transformer.output.serialize(value);
const decoder = new TextDecoder();

function event(eventId: string, annotationId: string): LiveEvent {
  return {
    eventId,
    type: "thread.deleted",
    textId: "text-1",
    annotationId,
    replyId: null,
    thread: null,
  };
}

async function tRPCBytes(
  events: LiveEvent[],
  options: { pauseMs?: number; pingMs?: number } = {},
): Promise<string> {
  async function* data() {
    for (const item of events) {
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      yield tracked(item.eventId, item);
    }
  }
  const stream = sseStreamProducer({
    data: data(),
    serialize,
    client: config.sse?.client ?? {},
    ping: options.pingMs ? { enabled: true, intervalMs: options.pingMs } : undefined,
  });
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text;
}

const text = (frames: Uint8Array[]) => decoder.decode(joinFrames(frames));
const ours = (item: LiveEvent) => trackedFrame(item.eventId, JSON.stringify(serialize(item)));
// tRPC ends a finished stream with this event; the live stream never finishes by itself.
const RETURN_EVENT = "event: return\ndata: \n\n\n";

describe("SSE frames", () => {
  it("are the bytes tRPC writes: the connected event, then each tracked event", async () => {
    const events = [
      event("1", "a"),
      // Arabic, quotes, newlines and a line separator inside the data survive JSON as tRPC's.
      { ...event("12", "b"), replyId: 'سطر\n"ثان"\u2028' },
      event("9007199254740993", "c"),
    ];
    const expected = text([connectedFrame(config.sse?.client ?? {}), ...events.map(ours)]);
    expect(await tRPCBytes(events)).toBe(expected + RETURN_EVENT);
  });

  it("the ping is tRPC's ping event", async () => {
    const bytes = await tRPCBytes([event("1", "a")], { pauseMs: 120, pingMs: 25 });
    const frames = bytes.split(/(?<=\n\n\n)/);
    const pings = frames.filter((frame) => frame.startsWith("event: ping"));
    expect(pings.length).toBeGreaterThan(0);
    for (const ping of pings) expect(ping).toBe(decoder.decode(PING_FRAME));
    expect(frames.filter((frame) => !frame.startsWith("event: ping"))).toEqual([
      decoder.decode(connectedFrame(config.sse?.client ?? {})),
      decoder.decode(ours(event("1", "a"))),
      RETURN_EVENT,
    ]);
  });

  it("joins several frames into one chunk, in order", () => {
    const a = ours(event("1", "a"));
    const b = ours(event("2", "b"));
    expect(joinFrames([a])).toBe(a);
    expect(decoder.decode(joinFrames([a, b]))).toBe(decoder.decode(a) + decoder.decode(b));
  });
});
