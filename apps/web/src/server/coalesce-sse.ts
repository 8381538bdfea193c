// tRPC writes each server-sent event as several small pieces ("data: …", "id: …", the blank
// line), and every piece then travels on its own through the response's streams to the socket.
// With hundreds of live viewers of a text, that per-piece cost is most of a write's fan-out.
// This joins the pieces produced in one go (one drain of the microtask queue) into one chunk.

/** The stream's pieces, joined per drain of the microtask queue; backpressure kept. */
export function coalescePieces(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let flushQueued = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const flush = () => {
    flushQueued = false;
    if (pending.length === 0 || !controllerRef) return;
    const pieces = pending;
    pending = [];
    if (pieces.length === 1) {
      controllerRef.enqueue(pieces[0]!);
      return;
    }
    let size = 0;
    for (const piece of pieces) size += piece.byteLength;
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const piece of pieces) {
      joined.set(piece, offset);
      offset += piece.byteLength;
    }
    controllerRef.enqueue(joined);
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
    },
    // Called again as long as the consumer wants more: reads every piece the source has ready;
    // the join goes out once the current drain of the microtask queue is over.
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        flush();
        controller.close();
        return;
      }
      pending.push(value);
      if (!flushQueued) {
        flushQueued = true;
        process.nextTick(flush);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** A response whose event stream goes out in joined pieces; any other response as it is. */
export function withCoalescedEvents(response: Response): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.startsWith("text/event-stream")) return response;
  return new Response(coalescePieces(response.body), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
