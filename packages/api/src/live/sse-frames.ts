// Server-sent events exactly as tRPC 11's `sseStreamProducer` writes them (its `transform`:
// "event: …\n", "data: …\n", "id: …\n", then "\n\n"), for the fast path that writes pre-encoded
// frames. `sse-frames.test.ts` holds them to tRPC's own encoder, byte for byte.

const encoder = new TextEncoder();

/** The first event of every stream: the client options (`sse.client` of the tRPC config). */
export function connectedFrame(clientOptions: object): Uint8Array {
  return encoder.encode(`event: connected\ndata: ${JSON.stringify(clientOptions)}\n\n\n`);
}

/** A tracked value: `data` is its serialised form (the transformer's output) as JSON. */
export function trackedFrame(id: string, dataJson: string): Uint8Array {
  return encoder.encode(`data: ${dataJson}\nid: ${id}\n\n\n`);
}

/** What keeps an idle stream open through proxies; the client resets its inactivity timer. */
export const PING_FRAME = encoder.encode("event: ping\ndata: \n\n\n");

/** Several frames as one chunk (one socket write). */
export function joinFrames(frames: Uint8Array[]): Uint8Array {
  if (frames.length === 1) return frames[0]!;
  let size = 0;
  for (const frame of frames) size += frame.byteLength;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const frame of frames) {
    joined.set(frame, offset);
    offset += frame.byteLength;
  }
  return joined;
}
