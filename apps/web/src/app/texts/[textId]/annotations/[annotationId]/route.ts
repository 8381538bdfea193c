import { protocolRoute } from "~/protocol/protocol-route";

// One W3C Web Annotation (`/texts/T/annotations/A`, the id the W3C export gives it).
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ textId: string; annotationId: string }> };

async function handler(req: Request, { params }: Context): Promise<Response> {
  const { textId, annotationId } = await params;
  return protocolRoute(req, { textId, annotationId });
}

export {
  handler as GET,
  handler as HEAD,
  handler as OPTIONS,
  handler as POST,
  handler as PUT,
  handler as DELETE,
  handler as PATCH,
};
