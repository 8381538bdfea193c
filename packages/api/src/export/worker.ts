import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "@hashiya/db";
import { planExport } from "./index";
import { textChunks } from "./text-chunks";
import { CHUNK_CHARS, CHUNK_WINDOW, type FromWorker, type ToWorker } from "./worker-protocol";

// The export worker's thread (started by `worker-client.ts`): runs each export job against a
// small database pool of its own and posts the bytes back as credit allows. Its heap is
// bounded by the thread's resource limits, so a large export's garbage is collected within them
// instead of growing the web server's heap.

const port = parentPort!;
const { databaseUrl } = workerData as { databaseUrl: string };
const db = createDb(databaseUrl, { max: 2 });

interface Job {
  credit: number;
  cancelled: boolean;
  /** Wakes the job waiting for credit (or for its cancellation). */
  wake: (() => void) | null;
}
const jobs = new Map<number, Job>();

const post = (message: FromWorker) => port.postMessage(message);

async function run(id: number, message: Extract<ToWorker, { type: "start" }>) {
  const job: Job = { credit: CHUNK_WINDOW, cancelled: false, wake: null };
  jobs.set(id, job);
  try {
    const planned = await planExport(db, message.actor, message.request);
    if (!planned) {
      post({ type: "refused", job: id });
      return;
    }
    const { chunks, ...head } = planned;
    post({ type: "head", job: id, ...head });
    // Leaving the loop early (cancelled) returns the generators: the database reads stop.
    for await (const text of textChunks(chunks, CHUNK_CHARS)) {
      while (job.credit === 0 && !job.cancelled)
        await new Promise<void>((resolve) => {
          job.wake = resolve;
        });
      if (job.cancelled) break;
      job.credit--;
      post({ type: "chunk", job: id, text });
    }
    if (!job.cancelled) post({ type: "end", job: id });
  } catch (error) {
    post({
      type: "error",
      job: id,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    jobs.delete(id);
    post({ type: "stopped", job: id });
  }
}

port.on("message", (message: ToWorker) => {
  if (message.type === "start") {
    void run(message.job, message);
    return;
  }
  const job = jobs.get(message.job);
  if (!job) return;
  if (message.type === "credit") job.credit++;
  else job.cancelled = true;
  job.wake?.();
  job.wake = null;
});
