import { ifNoneMatchHits } from "./etag";
import { ALLOW, ANNO_MEDIA_TYPE, ANNOTATION_LINK, CONTAINER_LINK } from "./vocabulary";

// The headers each kind of protocol resource carries on every response, and CORS: any origin
// may call with a bearer token; cookies never ride cross-origin (no Allow-Credentials).

export type ResourceKind = keyof typeof ALLOW;

const EXPOSED = [
  "ETag",
  "Link",
  "Location",
  "Allow",
  "Accept-Post",
  "Content-Location",
  "Preference-Applied",
  "Retry-After",
  "WWW-Authenticate",
].join(", ");

export function resourceHeaders(kind: ResourceKind): Headers {
  const headers = new Headers({
    Allow: ALLOW[kind].join(", "),
    Vary: kind === "annotation" ? "Accept" : "Accept, Prefer",
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": EXPOSED,
    "X-Content-Type-Options": "nosniff",
  });
  if (kind === "container") {
    headers.set("Link", CONTAINER_LINK);
    headers.set("Accept-Post", ANNO_MEDIA_TYPE);
  }
  if (kind === "annotation") headers.set("Link", ANNOTATION_LINK);
  return headers;
}

/** The answer to OPTIONS (a CORS preflight, or a client asking what it may do). */
export function optionsResponse(kind: ResourceKind): Response {
  const headers = resourceHeaders(kind);
  headers.set("Access-Control-Allow-Methods", ALLOW[kind].join(", "));
  headers.set(
    "Access-Control-Allow-Headers",
    "Authorization, Content-Type, Accept, If-Match, If-None-Match, Prefer, Slug",
  );
  headers.set("Access-Control-Max-Age", "600");
  return new Response(null, { status: 204, headers });
}

/** A representation (or, for HEAD, only its headers): JSON-LD with the annotation profile. */
export function documentResponse(
  request: Request,
  kind: ResourceKind,
  body: string,
  etag: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers = resourceHeaders(kind);
  headers.set("Content-Type", ANNO_MEDIA_TYPE);
  headers.set("ETag", etag);
  // What a reader sees depends on who they are: never from a shared cache.
  headers.set("Cache-Control", "private, no-cache");
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  const ifNoneMatch = request.headers.get("if-none-match");
  const readOnly = request.method === "GET" || request.method === "HEAD";
  if (readOnly && ifNoneMatch !== null && ifNoneMatchHits(ifNoneMatch, etag)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : body, {
    status: init.status ?? 200,
    headers,
  });
}
