import { isHypothesisJson, parseHypothesisImport } from "./from-hypothesis";
import { parseW3cImport } from "./from-w3c";
import type { ImportResult } from "./import-shape";
import { fileProblem } from "./import-problems";

/**
 * Reads an import file's text: W3C Web Annotation JSON-LD or Hypothesis API JSON, told apart by
 * their shape (a JSON-LD `@context`, or Hypothesis's `rows` / `user` + `uri`). A byte-order mark
 * is ignored; text that is not JSON is refused with a sentence in both languages.
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
  return isHypothesisJson(document) ? parseHypothesisImport(document) : parseW3cImport(document);
}
