import { protocolRoute } from "~/protocol/protocol-route";

// A text's W3C Web Annotation container (`/texts/T/annotations/`): its pages, and new annotations.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ textId: string }> };

async function handler(req: Request, { params }: Context): Promise<Response> {
  return protocolRoute(req, { textId: (await params).textId });
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
