// An export as a web ReadableStream of UTF-8 bytes, pulled: the next batch is read from the
// database only when the consumer has taken the previous one (the stream's queue holds one
// chunk), so a slow download holds memory flat instead of buffering the whole export.

/** The bytes of `chunks`, read one at a time as the consumer asks; cancelling stops the reads. */
export function pulledStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Skip empty pieces so that each pull delivers bytes (or ends the stream).
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) {
            controller.close();
            return;
          }
          if (value !== "") {
            controller.enqueue(encoder.encode(value));
            return;
          }
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
