import { z } from "zod";
import { errorMessages } from "../errors";
import type { Actor } from "../policies";
import { type ExportFormatName, exportFormatNames } from "./formats/all";
import { exportInWorker } from "./worker-client";

// The export route's answer (apps/web/src/app/api/export/…): the query checked with zod, the
// exporter authorised on the server, the file streamed with its size in items sent first
// (`X-Total-Count`) for the download dialog's progress. The export itself runs in the export
// worker (`worker-client.ts`), against the database at `databaseUrl`.

const querySchema = z.object({
  format: z.enum(exportFormatNames as [ExportFormatName, ...ExportFormatName[]]),
  bom: z.enum(["0", "1"]).optional(),
});

function refusal(status: number, code: keyof typeof errorMessages): Response {
  return Response.json(
    { error: { code, messages: errorMessages[code] } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** `GET /api/export/{texts|courses}/{id}?format=…[&bom=1]` for this actor. */
export async function exportHttpResponse(
  databaseUrl: string,
  actor: Actor,
  target: { kind: "text" | "course"; id: string },
  url: URL,
  baseUrl: string,
): Promise<Response> {
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return refusal(400, "export.bad_request");
  if (!actor) return refusal(401, "auth.sign_in_required");
  const exported = await exportInWorker(databaseUrl, actor, {
    ...target,
    format: query.data.format,
    bom: query.data.bom === "1",
    baseUrl,
  });
  if (!exported) return refusal(404, "not_found");
  return new Response(exported.body, {
    headers: {
      "Content-Type": exported.contentType,
      "Content-Disposition": `attachment; filename="${exported.filename}"`,
      "X-Total-Count": String(exported.total),
      "Access-Control-Expose-Headers": "X-Total-Count",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
