import { HASHIYA_EXPORT_FORMAT } from "../export-json";
import { isHypothesisJson, parseHypothesisImport } from "./from-hypothesis";
import { parseW3cImport } from "./from-w3c";
import { fileProblem } from "./import-problems";
import type { ImportResult } from "./import-shape";

/**
 * Reads an import file's text: W3C Web Annotation JSON-LD or Hypothesis API JSON, told apart by
 * their shape (a JSON-LD `@context`, or Hypothesis's `rows` / `user` + `uri`). A byte-order mark
 * is ignored; text that is not JSON is refused with a sentence in both languages, and so is our
 * own JSON export (it names the export to use instead: W3C carries everything an import needs).
 */
export function parseAnnotationImport(text: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, problems: [fileProblem("import.not_json")] };
  }
  return parseAnnotationDocument(document);
}

/** The same for a document already parsed from JSON. */
export function parseAnnotationDocument(document: unknown): ImportResult {
  if (isOwnExport(document)) return { ok: false, problems: [fileProblem("import.own_export")] };
  return isHypothesisJson(document) ? parseHypothesisImport(document) : parseW3cImport(document);
}

const isOwnExport = (document: unknown) =>
  typeof document === "object" &&
  document !== null &&
  (document as { format?: unknown }).format === HASHIYA_EXPORT_FORMAT;
