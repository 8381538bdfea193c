// Text pieces as UTF-8 chunks of one size: small pieces gathered, large ones cut (between
// characters), so that each message the export worker posts carries a bounded, useful amount.

/** The UTF-8 bytes of `pieces` in chunks of `size` bytes (the last may be shorter). */
export async function* utf8Chunks(
  pieces: AsyncIterable<string>,
  size: number,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let chunk = new Uint8Array(size);
  let filled = 0;
  for await (const piece of pieces) {
    let rest = piece;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, chunk.subarray(filled));
      filled += written;
      if (read === rest.length) break;
      // Full (or too full for the next character): hand it over; a fresh one takes the rest.
      rest = rest.slice(read);
      yield chunk.subarray(0, filled);
      chunk = new Uint8Array(size);
      filled = 0;
    }
  }
  if (filled > 0) yield chunk.subarray(0, filled);
}
