import { exportRoute } from "~/export/export-route";

// A text's discussion as CSV, JSON, W3C JSON-LD, HTML or Markdown, streamed.
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ textId: string }> }) {
  return exportRoute(req, { kind: "text", id: (await params).textId });
}
