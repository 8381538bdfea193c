import { importRoute } from "~/import/import-route";

// Annotations imported into a text from a W3C JSON-LD or Hypothesis JSON file (the body), with
// progress as NDJSON lines and the report last.
export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ textId: string }> }) {
  return importRoute(req, (await params).textId);
}
