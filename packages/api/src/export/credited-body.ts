// The main thread's side of one worker job's bytes: a web ReadableStream fed by the chunks the
// worker posts, giving one credit back for each chunk its reader takes. Nothing is read ahead
// beyond the worker's window of credit, so a slow client holds a few chunks, not the export.

export interface CreditedBody {
  body: ReadableStream<Uint8Array>;
  push(bytes: Uint8Array): void;
  end(): void;
  fail(error: Error): void;
}

/** A body that calls `credit` as each chunk is taken and `cancel` if its reader goes away. */
export function creditedBody(credit: () => void, cancel: () => void): CreditedBody {
  const queue: Uint8Array[] = [];
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
        const bytes = queue.shift();
        if (bytes) {
          controller.enqueue(bytes);
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
    push(bytes) {
      if (cancelled) return;
      queue.push(bytes);
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
