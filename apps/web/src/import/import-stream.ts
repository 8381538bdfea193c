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

/**
 * Sends the file (XMLHttpRequest: `fetch` reports no upload progress), telling `onUpload` how
 * much has gone, then calls `onLine` for each line of an accepted import as it arrives.
 * Resolves with a refusal, or null once the import's answer has ended.
 */
export function postImport(
  textId: string,
  file: File,
  onLine: (line: ImportLine) => void,
  onUpload?: (sent: number, total: number) => void,
): Promise<ImportRefusal | null> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/import/texts/${encodeURIComponent(textId)}`);
    xhr.setRequestHeader("content-type", file.type || "application/json");
    let read = 0;
    let pending = "";
    // The answer so far: complete lines are handed on, a partial one waits for the rest.
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      pending += text.slice(read);
      read = text.length;
      const lines = pending.split("\n");
      pending = final ? "" : (lines.pop() ?? "");
      for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportLine);
    };
    xhr.upload.onprogress = (event) => onUpload?.(event.loaded, event.total || file.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) drain(false);
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        drain(true);
        resolve(null);
        return;
      }
      try {
        const body = JSON.parse(xhr.responseText) as {
          error?: { messages: Sentences; problems?: ImportRefusal["problems"] };
        };
        if (!body.error) throw new Error(`import failed: ${xhr.status}`);
        resolve({ messages: body.error.messages, problems: body.error.problems ?? [] });
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new Error("the import's connection failed"));
    xhr.send(file);
  });
}
