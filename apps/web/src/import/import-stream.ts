import type { ImportProgress, ImportReport } from "@hashiya/api/import";

// Reading the import route's answer: a refusal (JSON with sentences and, for a refused file,
// its problems) or NDJSON lines — progress, then the report or an error.

type Sentences = { en: string; ar: string };

export interface ImportRefusal {
  messages: Sentences;
  problems: { item: number | null; message: Sentences }[];
}

export type ImportLine =
  | ({ type: "progress" } & ImportProgress)
  | { type: "done"; report: ImportReport }
  | { type: "error"; error: { messages: Sentences } };

/** Sends the file; calls `onLine` for each line of an accepted import; returns a refusal or null. */
export async function postImport(
  textId: string,
  file: File,
  onLine: (line: ImportLine) => void,
): Promise<ImportRefusal | null> {
  const response = await fetch(`/api/import/texts/${encodeURIComponent(textId)}`, {
    method: "POST",
    body: file,
    headers: { "content-type": file.type || "application/json" },
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as {
      error?: { messages: Sentences; problems?: ImportRefusal["problems"] };
    } | null;
    if (!body?.error) throw new Error(`import failed: ${response.status}`);
    return { messages: body.error.messages, problems: body.error.problems ?? [] };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportLine);
  }
  if (pending.trim()) onLine(JSON.parse(pending) as ImportLine);
  return null;
}
