import { parseAnnotationImport } from "@hashiya/annotation-schema/w3c";
import type { Db } from "@hashiya/db";
import { TRPCError } from "@trpc/server";
import { limitRequestBody } from "../abuse/request-body";
import { type AppErrorCode, errorMessages } from "../errors";
import type { Actor } from "../policies";
import { appCodeOf } from "../trpc";
import type { ImportProgress } from "./report";
import { importBatch } from "./run";
import { importTarget } from "./scope";

// The import route (apps/web: `POST /api/import/texts/<textId>`, the file as the body). Who may
// import is checked before the body is read; the body is capped at 20 MB (a 100,000-item
// export of ours is about that size); a refused file is answered 422 with every problem at once.
// An accepted file is answered 200 as NDJSON, one line per step, so the page shows progress:
//   {"type":"progress","stage":"parsed",…} {"type":"progress","stage":"anchoring","done":n,"total":N}
//   {"type":"progress","stage":"writing","done":n,"total":N} … {"type":"done","report":{…}}
// or, when the write fails (nothing is kept), a last line {"type":"error","error":{code,messages}}.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

function refusal(status: number, code: AppErrorCode, extra: object = {}): Response {
  return Response.json(
    { error: { code, messages: errorMessages[code], ...extra } },
    { status, headers: NO_STORE },
  );
}

/** The request's body as text, or why not (too large, or not UTF-8). */
async function bodyText(
  req: Request,
): Promise<{ text: string } | { status: number; code: AppErrorCode }> {
  let bytes: ArrayBuffer;
  try {
    bytes = await limitRequestBody(req, MAX_IMPORT_BYTES).arrayBuffer();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "PAYLOAD_TOO_LARGE")
      return { status: 413, code: "import.too_large" };
    throw error;
  }
  if (bytes.byteLength === 0) return { status: 400, code: "import.no_file" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { status: 400, code: "import.not_text" };
  }
}

/** `POST /api/import/texts/{textId}` for this actor. */
export async function importHttpResponse(
  db: Db,
  actor: Actor,
  textId: string,
  req: Request,
  siteBase: string,
): Promise<Response> {
  const target = await importTarget(db, actor, textId);
  if (!target.ok) return refusal(target.status, target.code);
  const body = await bodyText(req);
  if ("code" in body) return refusal(body.status, body.code);
  const parsed = parseAnnotationImport(body.text);
  if (!parsed.ok) return refusal(422, "import.refused", { problems: parsed.problems });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: object) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      const onProgress = (progress: ImportProgress) => line({ type: "progress", ...progress });
      try {
        const report = await importBatch(db, target, parsed.batch, { siteBase, onProgress });
        line({ type: "done", report });
      } catch (error) {
        const code = (error instanceof TRPCError && appCodeOf(error)) || "import.failed";
        if (code === "import.failed") console.error("[import]", error);
        line({ type: "error", error: { code, messages: errorMessages[code] } });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", ...NO_STORE },
  });
}
