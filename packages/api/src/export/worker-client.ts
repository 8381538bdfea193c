import { Worker } from "node:worker_threads";
import type { Actor } from "../policies";
import { creditedBody } from "./credited-body";
import type { ExportRequest, ExportResponse } from "./index";
import type { FromWorker, ToWorker } from "./worker-protocol";

// Exports run in a worker thread of their own (one per process and database, started at the
// first export): a 100,000-annotation export is seconds of CPU off the thread that serves
// requests, and its garbage stays in the worker's small, bounded heap (P4: the process's peak
// memory must not grow with the export's size). The answer is `createExport`'s, authorised by
// the same code in the worker; the body streams the worker's chunks with credit (see
// `worker-protocol.ts`). A worker that dies fails its exports' streams; the next export starts
// a new one.

// Measured with bench/export-jsonld.ts (a warm process, under the web server's --liftoff-only,
// exporting 10,000 then 100,000): the process's peak RSS rises 6-11 MB between the two, and
// 100,000 take ~5.4 s. Unbounded, the worker's heap grew to 220 MB at 100,000; a 4 MB young
// generation spent ~20% more CPU in scavenges for no less memory (8 MB measured like 16). The
// old generation holds Prisma and an export's scope (the text's code points).
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 };

// From sources (tests, benchmarks) Node 20 cannot load a .ts worker entry, and a worker's own
// --import does not register loaders there: the thread registers tsx itself (a root
// devDependency, resolved from the working directory) before importing the entry. A Next build
// bundles the `new Worker(new URL(…))` form below into a JavaScript chunk. Turbopack keeps
// import.meta.url naming the .ts source, so what tells the two apart is that its import.meta has
// no `dirname` (Node's, tsx's and Vitest's have); the e2e export spec runs the bundled form.
const FROM_SOURCES = import.meta.url.endsWith(".ts") && typeof import.meta.dirname === "string";
const BOOT_FROM_SOURCES = `const { workerData } = require("node:worker_threads");
import("tsx/esm/api").then((tsx) => { tsx.register(); return import(workerData.entry); });`;

function spawn(databaseUrl: string): Worker {
  const options = { workerData: { databaseUrl }, resourceLimits: RESOURCE_LIMITS };
  if (FROM_SOURCES) {
    const entry = import.meta.url.replace(/[^/]+$/, "worker.ts");
    return new Worker(BOOT_FROM_SOURCES, {
      ...options,
      eval: true,
      workerData: { databaseUrl, entry },
    });
  }
  return new Worker(new URL("./worker.ts", import.meta.url), options);
}

/** What a job hears: the worker's messages for it, or the Error the worker died of. */
type Listener = (message: FromWorker | Error) => void;

class ExportWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Listener>();
  private nextJob = 1;
  private dead = false;

  constructor(databaseUrl: string, onDeath: () => void) {
    this.worker = spawn(databaseUrl);
    // Idle, it must not keep a process (a test run, a benchmark) from exiting.
    this.worker.unref();
    this.worker.on("message", (message: FromWorker) => {
      this.jobs.get(message.job)?.(message);
      if (message.type === "stopped") this.forget(message.job);
    });
    const die = (error: Error) => {
      if (this.dead) return;
      this.dead = true;
      onDeath();
      for (const listener of this.jobs.values()) listener(error);
      this.jobs.clear();
    };
    this.worker.on("error", (error) =>
      die(new Error(`the export worker failed: ${error.message}`)),
    );
    this.worker.on("exit", (code) => die(new Error(`the export worker stopped (exit ${code})`)));
  }

  start(actor: Actor, request: ExportRequest, listener: Listener): number {
    const job = this.nextJob++;
    if (this.jobs.size === 0) this.worker.ref();
    this.jobs.set(job, listener);
    this.send({ type: "start", job, actor, request });
    return job;
  }

  send(message: ToWorker): void {
    if (!this.dead) this.worker.postMessage(message);
  }

  private forget(job: number): void {
    this.jobs.delete(job);
    if (this.jobs.size === 0) this.worker.unref();
  }

  /** Jobs whose reading has not stopped yet in the worker. */
  get running(): number {
    return this.jobs.size;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const workers = new Map<string, ExportWorker>();

function workerFor(databaseUrl: string): ExportWorker {
  let worker = workers.get(databaseUrl);
  if (!worker) {
    const started: ExportWorker = new ExportWorker(databaseUrl, () => {
      if (workers.get(databaseUrl) === started) workers.delete(databaseUrl);
    });
    worker = started;
    workers.set(databaseUrl, worker);
  }
  return worker;
}

/** `createExport(db, actor, request)` run in the export worker for the database at `databaseUrl`. */
export function exportInWorker(
  databaseUrl: string,
  actor: Actor,
  request: ExportRequest,
): Promise<ExportResponse | null> {
  const worker = workerFor(databaseUrl);
  return new Promise((resolve, reject) => {
    let body: ReturnType<typeof creditedBody> | null = null;
    const job = worker.start(actor, request, (message) => {
      if (message instanceof Error || message.type === "error") {
        const error =
          message instanceof Error ? message : new Error(`the export failed: ${message.message}`);
        if (body) body.fail(error);
        else reject(error);
      } else if (message.type === "head") {
        body = creditedBody(
          () => worker.send({ type: "credit", job }),
          () => worker.send({ type: "cancel", job }),
        );
        const { type: _, job: __, ...head } = message;
        resolve({ ...head, body: body.body });
      } else if (message.type === "refused") resolve(null);
      else if (message.type === "chunk") body?.push(message.text);
      else if (message.type === "end") body?.end();
    });
  });
}

/** Export jobs still reading in the workers (a cancelled one counts until the worker stopped it). */
export function runningExportJobs(): number {
  let running = 0;
  for (const worker of workers.values()) running += worker.running;
  return running;
}

/** Stops every export worker (their exports' streams fail); the next export starts anew. */
export async function stopExportWorkers(): Promise<void> {
  const stopping = [...workers.values()];
  workers.clear();
  await Promise.all(stopping.map((worker) => worker.terminate()));
}
