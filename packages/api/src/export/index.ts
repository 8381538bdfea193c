import type { Db } from "@hashiya/db";
import type { Actor } from "../policies";
import { EXPORT_FORMATS, type ExportFormatName, exportFormatNames } from "./formats/all";
import type { ExportContext, ExportFormat } from "./formats/format";
import { moderationBatches, moderationCount } from "./moderation";
import { exportBatches, exportCount, exportNumbering } from "./read";
import { courseExportScope, type ExportScope, textExportScope } from "./scope";
import { pulledStream } from "./stream";

// Exports of a text's or a course's discussion (DESIGN decision 8): CSV, our JSON, W3C
// JSON-LD, and the printable reader as HTML or Markdown, streamed batch by batch.

export { EXPORT_FORMATS, type ExportFormatName, exportFormatNames };

export interface ExportRequest {
  kind: "text" | "course";
  id: string;
  format: ExportFormatName;
  bom?: boolean;
  baseUrl: string;
  /** Threads read per database query (tests and the benchmark vary it). */
  batchSize?: number;
  /** When the export is said to be made (tests fix it); now by default. */
  exportedAt?: Date;
}

export interface ExportResponse {
  contentType: string;
  filename: string;
  /** Items counted first (an upper bound), for progress. */
  total: number;
  body: ReadableStream<Uint8Array>;
}

/** The pieces of text of an export, head to tail, reading the database a batch at a time. */
export async function* exportChunks(
  db: Db,
  format: ExportFormat,
  context: ExportContext,
  batchSize?: number,
): AsyncGenerator<string> {
  const writer = format.create(context);
  yield writer.head();
  for await (const items of exportBatches(db, context.scope, { order: format.order, batchSize }))
    yield writer.batch(items);
  if (writer.moderation)
    for await (const entries of moderationBatches(db, context.scope, batchSize))
      yield writer.moderation(entries);
  yield writer.tail();
}

/** The scope the actor may export, or null (signed out, or not theirs to read). */
export function exportScope(db: Db, actor: Actor, kind: "text" | "course", id: string) {
  return kind === "text" ? textExportScope(db, actor, id) : courseExportScope(db, actor, id);
}

/** An export, streaming; null when the actor may not have it. */
export async function createExport(
  db: Db,
  actor: Actor,
  request: ExportRequest,
): Promise<ExportResponse | null> {
  const planned = await planExport(db, actor, request);
  return planned && withBody(planned);
}

/** An export of a scope already authorised. */
export async function exportOf(
  db: Db,
  scope: ExportScope,
  request: Omit<ExportRequest, "kind" | "id">,
): Promise<ExportResponse> {
  return withBody(await plannedExport(db, scope, request));
}

/** An export before its body is a stream: its pieces of text, not yet read. */
export interface PlannedExport extends Omit<ExportResponse, "body"> {
  chunks: AsyncGenerator<string>;
}

const withBody = ({ chunks, ...head }: PlannedExport): ExportResponse => ({
  ...head,
  body: pulledStream(chunks),
});

/** What `createExport` answers, as text pieces (the export worker encodes them its own way). */
export async function planExport(
  db: Db,
  actor: Actor,
  request: ExportRequest,
): Promise<PlannedExport | null> {
  const scope = await exportScope(db, actor, request.kind, request.id);
  if (!scope) return null;
  return plannedExport(db, scope, request);
}

async function plannedExport(
  db: Db,
  scope: ExportScope,
  request: Omit<ExportRequest, "kind" | "id">,
): Promise<PlannedExport> {
  const format = EXPORT_FORMATS[request.format];
  const total =
    (await exportCount(db, scope)) +
    (format.carriesModeration ? await moderationCount(db, scope) : 0);
  const context: ExportContext = {
    scope,
    total,
    baseUrl: request.baseUrl,
    exportedAt: request.exportedAt ?? new Date(),
    bom: request.bom ?? false,
    ...(format.order === "reading" && { numbering: await exportNumbering(db, scope) }),
  };
  const stamp = context.exportedAt.toISOString().slice(0, 10);
  return {
    contentType: format.contentType,
    filename: `hashiya-${scope.kind}-${scope.id}-${stamp}.${format.extension}`,
    total,
    chunks: exportChunks(db, format, context, request.batchSize),
  };
}

export { exportHttpResponse } from "./http";
export { courseExportScope, type ExportScope, textExportScope } from "./scope";
export { pulledStream } from "./stream";
export { exportInWorker, stopExportWorkers } from "./worker-client";
