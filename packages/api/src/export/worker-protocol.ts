import type { Actor } from "../policies";
import type { ExportRequest } from "./index";

// The messages between the web's main thread and its export worker (`worker-client.ts`,
// `worker.ts`). Several exports share the worker, each a job with its own id. The worker posts
// a job's bytes only against credit: one chunk per credit, so a slow download holds at most
// `CHUNK_WINDOW` chunks in flight, however large the export.

/**
 * UTF-16 code units per chunk the worker posts (text pieces are gathered or cut to this size):
 * 64 KB of Arabic in UTF-8. Text, not bytes: the main thread encodes each chunk as its reader
 * takes it, so the garbage is on its own heap and paces its collector. With byte buffers
 * transferred (made in the worker, dropped by the main thread) the process's RSS grew 14-61 MB
 * from 10,000 to 100,000 annotations, native memory outside either heap (the same export not
 * posted: none; with MALLOC_ARENA_MAX=2: -2 to 23 MB); with text, -24 to +35 MB (4 runs).
 */
export const CHUNK_CHARS = 32 * 1024;
/** Chunks a job may have posted and not yet handed to its reader. */
export const CHUNK_WINDOW = 4;

export type ToWorker =
  | { type: "start"; job: number; actor: Actor; request: ExportRequest }
  /** The reader took one chunk: the job may post one more. */
  | { type: "credit"; job: number }
  /** The reader went away: stop reading the database for this job. */
  | { type: "cancel"; job: number };

export type FromWorker =
  /** Authorised: what the response's headers say (the bytes follow). */
  | { type: "head"; job: number; contentType: string; filename: string; total: number }
  /** Not this actor's to export (the route answers 404). */
  | { type: "refused"; job: number }
  | { type: "chunk"; job: number; text: string }
  | { type: "end"; job: number }
  | { type: "error"; job: number; message: string }
  /** The job's reading has stopped (ended, failed or cancelled): nothing more comes for it. */
  | { type: "stopped"; job: number };
