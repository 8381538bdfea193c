import { actorOf } from "../trpc";
import { findAnnotation, type ServedAnnotation } from "./annotations";
import { isRefusal, type ProtocolCaller, protocolCaller, tokenRequired } from "./auth";
import type { ProtocolDeps } from "./deps";
import { ifMatchHolds } from "./etag";
import { documentResponse, resourceHeaders } from "./headers";
import { protocolIris } from "./iris";
import { acceptsAnnotationJson } from "./negotiation";
import { readAnnotationBody } from "./request-body";
import { type Refusal, refusalOfProcedure, refusalResponse } from "./responses";
import { type ProtocolScope, protocolScope } from "./scope";

// One annotation (protocol sections 3 and 5.3–5.4): GET/HEAD as the caller may see it, PUT to
// replace its comment, visibility, question mark and tags (`annotation.edit`), DELETE
// (`annotation.delete`), both with If-Match against its ETag. Its passage does not change.

type Ids = { textId: string; annotationId: string };

/** The token's user (lookUp with `write` lets only token callers through). */
function writer(caller: ProtocolCaller) {
  if (caller.kind !== "token") throw new Error("a protocol write without a token");
  return caller.user;
}

const refuse = (refusal: Refusal) => refusalResponse(refusal, resourceHeaders("annotation"));

const served = (request: Request, annotation: ServedAnnotation, status = 200) =>
  documentResponse(request, "annotation", JSON.stringify(annotation.document), annotation.etag, {
    status,
  });

type Found = { scope: ProtocolScope; annotation: ServedAnnotation };

/** The caller, the text as they may read it and the annotation as they may see it, or a refusal. */
async function lookUp(
  request: Request,
  ids: { textId: string; annotationId: string },
  deps: ProtocolDeps,
  write: boolean,
): Promise<(Found & { caller: ProtocolCaller }) | Refusal> {
  const caller = await protocolCaller(deps.db, request.headers, deps.sessionUser);
  if (isRefusal(caller)) return caller;
  if (write && caller.kind !== "token") return tokenRequired();
  if (!acceptsAnnotationJson(request.headers.get("accept")))
    return { status: 406, code: "protocol.not_acceptable" };
  const scope = await protocolScope(deps.db, actorOf(caller.user), ids.textId);
  if (!scope) return { status: 404, code: "not_found" };
  const annotation = await findAnnotation(deps.db, scope, ids.annotationId, deps.baseUrl);
  if (!annotation) return { status: 404, code: "not_found" };
  return { caller, scope, annotation };
}

/** If-Match: required for PUT (428 without), checked for DELETE when sent (412 on mismatch). */
function precondition(request: Request, etag: string, required: boolean): Refusal | null {
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null)
    return required ? { status: 428, code: "protocol.precondition_required" } : null;
  return ifMatchHolds(ifMatch, etag) ? null : { status: 412, code: "protocol.precondition_failed" };
}

function quoteOf(annotation: ServedAnnotation): string | undefined {
  const target = annotation.document.target;
  if (typeof target === "string") return undefined;
  const quote = target.selector.find((s) => s.type === "TextQuoteSelector");
  return quote?.type === "TextQuoteSelector" ? quote.exact : undefined;
}

async function replace(request: Request, ids: Ids, deps: ProtocolDeps): Promise<Response> {
  const found = await lookUp(request, ids, deps, true);
  if (isRefusal(found)) return refuse(found);
  const { scope, annotation, caller } = found;
  const unmet = precondition(request, annotation.etag, true);
  if (unmet) return refuse(unmet);
  const iris = protocolIris(deps.baseUrl, ids.textId);
  const received = await readAnnotationBody(request, iris.text);
  if (isRefusal(received)) return refuse(received);
  if (received.id !== undefined && received.id !== iris.annotation(ids.annotationId))
    return refuse({ status: 400, code: "protocol.id_mismatch" });
  const next = received.annotation;
  if (next.source !== iris.text)
    return refuse({ status: 400, code: "protocol.wrong_target", params: { text: iris.text } });
  if (next.quote.exact !== quoteOf(annotation))
    return refuse({ status: 400, code: "protocol.target_changed" });
  if (!next.body) return refuse({ status: 400, code: "comment.empty" });
  try {
    await deps.proceduresFor(writer(caller)).annotation.edit({
      annotationId: ids.annotationId,
      body: next.body,
      ...(next.visibility ? { visibility: next.visibility } : {}),
      isQuestion: next.isQuestion,
      tags: next.tags,
      // Checked again under the text's lock: a write since our look-up is a 412 too.
      unchangedSince: annotation.updatedAt,
    });
  } catch (error) {
    return refuse(refusalOfProcedure(error));
  }
  const after = await findAnnotation(deps.db, scope, ids.annotationId, deps.baseUrl);
  // Still the author's to see (their own, whatever its visibility); gone only if a moderator
  // removed it in between.
  if (!after) return refuse({ status: 404, code: "not_found" });
  return served(request, after);
}

async function remove(request: Request, ids: Ids, deps: ProtocolDeps): Promise<Response> {
  const found = await lookUp(request, ids, deps, true);
  if (isRefusal(found)) return refuse(found);
  const unmet = precondition(request, found.annotation.etag, false);
  if (unmet) return refuse(unmet);
  try {
    await deps.proceduresFor(writer(found.caller)).annotation.delete({
      annotationId: ids.annotationId,
      ...(request.headers.has("if-match") ? { unchangedSince: found.annotation.updatedAt } : {}),
    });
  } catch (error) {
    return refuse(refusalOfProcedure(error));
  }
  return new Response(null, { status: 204, headers: resourceHeaders("annotation") });
}

/** One annotation's answer to any method. */
export async function annotationResponse(
  request: Request,
  ids: Ids,
  deps: ProtocolDeps,
): Promise<Response> {
  switch (request.method) {
    case "GET":
    case "HEAD": {
      const found = await lookUp(request, ids, deps, false);
      return isRefusal(found) ? refuse(found) : served(request, found.annotation);
    }
    case "PUT":
      return replace(request, ids, deps);
    case "DELETE":
      return remove(request, ids, deps);
    default:
      return refuse({ status: 405, code: "protocol.method_not_allowed" });
  }
}
