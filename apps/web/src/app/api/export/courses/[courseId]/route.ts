import { exportRoute } from "~/export/export-route";

// A course's discussion (every text the exporter may read), streamed.
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string }> }) {
  return exportRoute(req, { kind: "course", id: (await params).courseId });
}
