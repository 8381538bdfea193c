// The main thread's side of one worker job's bytes: a web ReadableStream fed by the chunks the
// worker posts, giving one credit back for each chunk its reader takes. Nothing is read ahead
// beyond the worker's window of credit, so a slow client holds a few chunks, not the export.
// Chunks arrive as text and are encoded to UTF-8 as they are taken.

export interface CreditedBody {
  body: ReadableStream<Uint8Array>;
  push(text: string): void;
  end(): void;
  fail(error: Error): void;
}

/** A body that calls `credit` as each chunk is taken and `cancel` if its reader goes away. */
export function creditedBody(credit: () => void, cancel: () => void): CreditedBody {
  const encoder = new TextEncoder();
  const queue: string[] = [];
  let outcome: "open" | "ended" | Error = "open";
  let cancelled = false;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (queue.length === 0 && outcome === "open")
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        const text = queue.shift();
        if (text !== undefined) {
          controller.enqueue(encoder.encode(text));
          credit();
        } else if (outcome === "ended") controller.close();
        else controller.error(outcome);
      },
      cancel() {
        cancelled = true;
        queue.length = 0;
        cancel();
      },
    },
    // Pulled only while a read waits: the queue above is the only read-ahead.
    { highWaterMark: 0 },
  );
  return {
    body,
    push(text) {
      if (cancelled) return;
      queue.push(text);
      arrived();
    },
    end() {
      outcome = "ended";
      arrived();
    },
    fail(error) {
      outcome = error;
      arrived();
    },
  };
}
