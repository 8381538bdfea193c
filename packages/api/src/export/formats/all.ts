import { csvFormat } from "./csv";
import type { ExportFormat } from "./format";
import { jsonFormat } from "./json";
import { htmlFormat, markdownFormat } from "./printable";
import { w3cFormat } from "./w3c";

/** Every export format, by the name the `format` query parameter gives. */
export const EXPORT_FORMATS = {
  csv: csvFormat,
  json: jsonFormat,
  w3c: w3cFormat,
  html: htmlFormat,
  md: markdownFormat,
} as const satisfies Record<string, ExportFormat>;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const exportFormatNames = Object.keys(EXPORT_FORMATS) as ExportFormatName[];
