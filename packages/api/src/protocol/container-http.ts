import { ANNO_CONTEXT, type W3cAnnotation } from "@hashiya/annotation-schema/w3c";
import { actorOf } from "../trpc";
import { annotationPage, containerSummary, findAnnotation } from "./annotations";
import { isRefusal, protocolCaller, tokenRequired } from "./auth";
import type { ProtocolDeps } from "./deps";
import { etagOf } from "./etag";
import { documentResponse, resourceHeaders } from "./headers";
import { type ProtocolIris, protocolIris } from "./iris";
import { acceptsAnnotationJson, containerPreference } from "./negotiation";
import { placeAnnotation } from "./placement";
import { readAnnotationBody } from "./request-body";
import { type Refusal, refusalOfProcedure, refusalResponse } from "./responses";
import { protocolScope } from "./scope";
import { LDP_CONTEXT, PAGE_SIZE } from "./vocabulary";

// A text's annotation container (protocol section 4): GET/HEAD of its description with the
// first page embedded (or linked, PreferMinimalContainer), of its pages (`?iris=0|1&page=n`), and
// POST of a new annotation through the app's own `annotation.create`.

const refuse = (refusal: Refusal, kind: "container" | "page" = "container") =>
  refusalResponse(refusal, resourceHeaders(kind));

const withoutContext = ({ "@context": _, ...rest }: W3cAnnotation) => rest;

interface Listing {
  iris: ProtocolIris;
  total: number;
  modified: Date | null;
  lastPage: number;
  pageSize: number;
  asIris: boolean;
}

function pageDocument(listing: Listing, page: number, items: W3cAnnotation[], standalone: boolean) {
  const { iris, asIris, total, modified, lastPage, pageSize } = listing;
  return {
    ...(standalone ? { "@context": ANNO_CONTEXT } : {}),
    id: iris.page(asIris, page),
    type: "AnnotationPage",
    ...(standalone
      ? {
          partOf: {
            id: iris.view(asIris),
            total,
            ...(modified ? { modified: modified.toISOString() } : {}),
          },
        }
      : {}),
    startIndex: page * pageSize,
    ...(page < lastPage ? { next: iris.page(asIris, page + 1) } : {}),
    ...(page > 0 ? { prev: iris.page(asIris, page - 1) } : {}),
    items: asIris ? items.map((a) => a.id) : items.map(standalone ? (a) => a : withoutContext),
  };
}

/** GET or HEAD of the container or one of its pages. */
async function read(request: Request, textId: string, deps: ProtocolDeps): Promise<Response> {
  const caller = await protocolCaller(deps.db, request.headers, deps.sessionUser);
  if (isRefusal(caller)) return refuse(caller);
  if (!acceptsAnnotationJson(request.headers.get("accept")))
    return refuse({ status: 406, code: "protocol.not_acceptable" });
  const scope = await protocolScope(deps.db, actorOf(caller.user), textId);
  if (!scope) return refuse({ status: 404, code: "not_found" });
  const url = new URL(request.url);
  const preference = containerPreference(request.headers.get("prefer"));
  const irisParam = url.searchParams.get("iris");
  const asIris = irisParam === null ? preference.iris : irisParam === "1";
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  const { total, modified } = await containerSummary(deps.db, scope);
  const iris = protocolIris(deps.baseUrl, textId);
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  const listing: Listing = { iris, total, modified, lastPage, pageSize, asIris };
  const pageParam = url.searchParams.get("page");

  if (pageParam !== null) {
    const page = /^\d{1,9}$/.test(pageParam) ? Number(pageParam) : -1;
    if (page < 0 || page > lastPage) return refuse({ status: 404, code: "not_found" }, "page");
    const items = await annotationPage(deps.db, scope, { page, pageSize, baseUrl: deps.baseUrl });
    const body = JSON.stringify(
      pageDocument(
        listing,
        page,
        items.map((a) => a.document),
        true,
      ),
    );
    return documentResponse(request, "page", body, etagOf(body));
  }

  const first = preference.minimal
    ? iris.page(asIris, 0)
    : pageDocument(
        listing,
        0,
        (await annotationPage(deps.db, scope, { page: 0, pageSize, baseUrl: deps.baseUrl })).map(
          (a) => a.document,
        ),
        false,
      );
  const container = {
    "@context": [ANNO_CONTEXT, LDP_CONTEXT],
    id: iris.view(asIris),
    type: ["BasicContainer", "AnnotationCollection"],
    label: scope.text.title,
    total,
    ...(modified ? { modified: modified.toISOString() } : {}),
    first,
    last: iris.page(asIris, lastPage),
  };
  const body = JSON.stringify(container);
  return documentResponse(request, "container", body, etagOf(body), {
    headers: {
      "Content-Location": iris.view(asIris),
      ...(preference.applied ? { "Preference-Applied": "return=representation" } : {}),
    },
  });
}

/** POST: a new annotation on a passage of the text, made by `annotation.create`. */
async function create(request: Request, textId: string, deps: ProtocolDeps): Promise<Response> {
  const caller = await protocolCaller(deps.db, request.headers, deps.sessionUser);
  if (isRefusal(caller)) return refuse(caller);
  if (caller.kind !== "token") return refuse(tokenRequired());
  if (!acceptsAnnotationJson(request.headers.get("accept")))
    return refuse({ status: 406, code: "protocol.not_acceptable" });
  const scope = await protocolScope(deps.db, actorOf(caller.user), textId);
  if (!scope) return refuse({ status: 404, code: "not_found" });
  const iris = protocolIris(deps.baseUrl, textId);
  const received = await readAnnotationBody(request, iris.text);
  if (isRefusal(received)) return refuse(received);
  const { annotation } = received;
  const range = placeAnnotation(scope.text.body, iris.text, annotation);
  if (isRefusal(range)) return refuse(range);
  if (!annotation.body) return refuse({ status: 400, code: "comment.empty" });
  let createdId: string;
  try {
    const created = await deps.proceduresFor(caller.user).annotation.create({
      textId,
      textVersion: scope.text.version,
      ...range,
      body: annotation.body,
      visibility: annotation.visibility ?? "course",
      isQuestion: annotation.isQuestion,
      tags: annotation.tags,
    });
    if (!created.thread) throw new Error("annotation.create answered without its thread");
    createdId = created.thread.id;
  } catch (error) {
    return refuse(refusalOfProcedure(error));
  }
  const served = await findAnnotation(deps.db, scope, createdId, deps.baseUrl);
  if (!served) throw new Error(`the new annotation ${createdId} is not visible to its author`);
  return documentResponse(request, "annotation", JSON.stringify(served.document), served.etag, {
    status: 201,
    headers: { Location: iris.annotation(createdId) },
  });
}

/** The container's answer to any method. */
export function containerResponse(
  request: Request,
  textId: string,
  deps: ProtocolDeps,
): Promise<Response> | Response {
  switch (request.method) {
    case "GET":
    case "HEAD":
      return read(request, textId, deps);
    case "POST":
      return create(request, textId, deps);
    default:
      return refuse({ status: 405, code: "protocol.method_not_allowed" });
  }
}
