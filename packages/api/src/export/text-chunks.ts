// Text pieces as chunks of about one size: small pieces gathered, large ones cut (never between
// the two halves of a surrogate pair), so that each message the export worker posts carries a
// bounded, useful amount.

/** `pieces` again, as chunks of `size` UTF-16 code units (one less at a surrogate pair; the last shorter). */
export async function* textChunks(
  pieces: AsyncIterable<string>,
  size: number,
): AsyncGenerator<string> {
  let pending = "";
  for await (const piece of pieces) {
    pending += piece;
    while (pending.length >= size) {
      const highSurrogate = (pending.charCodeAt(size - 1) & 0xfc00) === 0xd800;
      const cut = highSurrogate ? size - 1 : size;
      yield pending.slice(0, cut);
      pending = pending.slice(cut);
    }
  }
  if (pending !== "") yield pending;
}
