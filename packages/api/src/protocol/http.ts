import { entityIdSchema } from "@hashiya/annotation-schema";
import { annotationResponse } from "./annotation-http";
import { containerResponse } from "./container-http";
import type { ProtocolDeps } from "./deps";
import { optionsResponse, resourceHeaders } from "./headers";
import { refusalResponse } from "./responses";

// The W3C Web Annotation Protocol over fetch's Request/Response, for the web app's thin route
// handlers (`/texts/T/annotations/` and `/texts/T/annotations/A`, the exporter's IRIs).

export type ProtocolTarget = { textId: string; annotationId?: string };

/** The protocol's answer to `request` on a text's container or one of its annotations. */
export async function annotationProtocolResponse(
  request: Request,
  target: ProtocolTarget,
  deps: ProtocolDeps,
): Promise<Response> {
  const { textId, annotationId } = target;
  const kind = annotationId === undefined ? "container" : "annotation";
  // OPTIONS is a CORS preflight: it says what may be done, to anyone, without a look-up.
  if (request.method === "OPTIONS") return optionsResponse(kind);
  const ids = [textId, ...(annotationId === undefined ? [] : [annotationId])];
  if (!ids.every((id) => entityIdSchema.safeParse(id).success))
    return refusalResponse({ status: 404, code: "not_found" }, resourceHeaders(kind));
  return annotationId === undefined
    ? containerResponse(request, textId, deps)
    : annotationResponse(request, { textId, annotationId }, deps);
}
