import { TRPCError } from "@trpc/server";

/** Largest tRPC request body: a maximal comment with its selectors fits many times over. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * Procedures whose input is a whole document and their caps: `text.create` takes up to 2 M
 * characters of pasted or uploaded text (up to 4 bytes each in UTF-8, less JSON escaping).
 */
const LARGE_BODY_BYTES: Record<string, number> = { "text.create": 9 * 1024 * 1024 };

/** The body cap of a request to these tRPC paths (a batch may name several). */
export function maxBodyBytesFor(paths: string[]): number {
  return Math.max(MAX_REQUEST_BYTES, ...paths.map((path) => LARGE_BODY_BYTES[path] ?? 0));
}

/** The procedure paths of a tRPC request URL under `endpoint` ("/api/trpc/a.b,c.d"). */
export function trpcPathsOf(url: string, endpoint: string): string[] {
  const { pathname } = new URL(url);
  const rest = pathname.startsWith(endpoint) ? pathname.slice(endpoint.length) : "";
  return decodeURIComponent(rest.replace(/^\/+/, "")).split(",").filter(Boolean);
}

const tooLarge = () => new TRPCError({ code: "PAYLOAD_TOO_LARGE" });

/**
 * How much of a refused body is still read and discarded, so that a client that is still
 * sending gets the 413 rather than a reset connection; past it, the connection is cut.
 */
const DRAIN_BYTES = 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number) {
  try {
    for (let left = budget; left > 0; ) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to discard.
  }
}

/**
 * The request with its body capped at `maxBytes`: a body that declares a larger length, or
 * streams more bytes than that, fails to read with PAYLOAD_TOO_LARGE, which tRPC answers per
 * call as HTTP 413 with the "request.too_large" sentence. Nothing beyond the cap is buffered or
 * parsed. Requests without a body (queries, subscriptions) are returned as they are.
 */
export function limitRequestBody(req: Request, maxBytes: number): Request {
  if (!req.body) return req;
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  // A declared length within the cap is the whole body: Node's HTTP parser reads no more (every
  // comment's request; wrapping its body cost a stream and a new Request per write).
  if (declared <= maxBytes) return req;
  const source = req.body;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let seen = 0;
  const capped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      reader ??= source.getReader();
      if (declared > maxBytes) {
        controller.error(tooLarge());
        return void drain(reader, DRAIN_BYTES);
      }
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        controller.error(tooLarge());
        return void drain(reader, DRAIN_BYTES);
      }
      controller.enqueue(value);
    },
    cancel: (reason) => (reader ?? source).cancel(reason),
  });
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: capped,
    signal: req.signal,
    // Required by Node's fetch for a streamed request body.
    duplex: "half",
  } as RequestInit);
}
