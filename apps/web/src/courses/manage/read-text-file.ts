/** What an uploaded file holds, as `text.create` takes it, or why it cannot be used. */
export type ReadFile =
  | { ok: true; source: string; format: "plain" | "markdown"; title: string }
  | { ok: false; problem: "type" | "encoding" | "size" };

/** The importer's limit (2 MB of UTF-8); checked here too, before anything is sent. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a .txt or .md file as strict UTF-8 (a wrong encoding is refused, never guessed: Arabic
 * in Windows-1256 would turn to gibberish), and proposes its name as the title.
 */
export async function readTextFile(file: File): Promise<ReadFile> {
  const match = /^(.*)\.(txt|md|markdown)$/i.exec(file.name);
  if (!match) return { ok: false, problem: "type" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: "size" };
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: "encoding" };
  }
  const format = match[2]?.toLowerCase() === "txt" ? "plain" : "markdown";
  return { ok: true, source, format, title: (match[1] ?? "").replace(/[_-]+/g, " ").trim() };
}
