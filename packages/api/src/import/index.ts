// Importing annotations into a text (issue 6); see CONTEXT.md. The web route answers with
// `importHttpResponse`.
export { importHttpResponse, MAX_IMPORT_BYTES } from "./http";
export type { DriftEntry, ImportProgress, ImportReport, OrphanEntry } from "./report";
export {
  type ImportOptions,
  type ImportOutcome,
  importAnnotations,
  importBatch,
  importFile,
} from "./run";
export { importTarget } from "./scope";
