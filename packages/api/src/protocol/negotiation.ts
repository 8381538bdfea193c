import {
  LDP_PREFER_MINIMAL_CONTAINER,
  OA_PREFER_CONTAINED_DESCRIPTIONS,
  OA_PREFER_CONTAINED_IRIS,
} from "./vocabulary";

// Content negotiation (Accept, Content-Type) and the container preferences (Prefer), read from
// the request headers. We serve one representation: JSON-LD with the annotation profile.

const ANNO_PROFILE = "http://www.w3.org/ns/anno.jsonld";

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

/** One media type with its parameters (quoted values unquoted), lower-cased names. */
function parseMediaRange(text: string): MediaRange {
  const [type = "", ...rest] = text.split(";");
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/s, "$1");
    params.set(name, value);
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Splits a header list on the commas that are not inside quotes. */
function splitList(header: string): string[] {
  return (
    header
      .match(/(?:[^,"]|"[^"]*")+/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/** A `profile` parameter is absent, or lists the annotation profile among its IRIs. */
const profileFits = (range: MediaRange) => {
  const profile = range.params.get("profile");
  return profile === undefined || profile.split(/\s+/).includes(ANNO_PROFILE);
};

/**
 * Whether the client accepts what we serve: no Accept header (the protocol then requires
 * JSON-LD), or a range with q > 0 that covers application/ld+json with our profile.
 */
export function acceptsAnnotationJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === "") return true;
  return splitList(accept).some((item) => {
    const range = parseMediaRange(item);
    const q = Number(range.params.get("q") ?? "1");
    if (!(q > 0)) return false;
    if (range.type === "application/ld+json") return profileFits(range);
    return ["application/json", "application/*", "*/*"].includes(range.type);
  });
}

/** Whether a request body is sent as JSON-LD with our profile (or plain JSON). */
export function isAnnotationContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const range = parseMediaRange(contentType);
  if (range.type === "application/ld+json") return profileFits(range);
  return range.type === "application/json";
}

/** How a container is to be represented (section 4.2.1). */
export interface ContainerPreference {
  /** Only the container's description, its pages linked (PreferMinimalContainer). */
  minimal: boolean;
  /** Pages list annotation IRIs (PreferContainedIRIs) instead of descriptions (the default). */
  iris: boolean;
  /** The client asked for `return=representation` with preferences we honoured. */
  applied: boolean;
}

/** The container preferences of a `Prefer` header; the defaults without one. */
export function containerPreference(prefer: string | null): ContainerPreference {
  const none = { minimal: false, iris: false, applied: false };
  if (prefer === null) return none;
  for (const item of splitList(prefer)) {
    const parts = item.split(";").map((p) => p.trim());
    if (parts[0]?.toLowerCase() !== "return=representation") continue;
    const include = parts
      .slice(1)
      .map((p) => parseMediaRange(`x;${p}`).params.get("include"))
      .find((v) => v !== undefined);
    const iris = (include ?? "").split(/\s+/);
    return {
      minimal: iris.includes(LDP_PREFER_MINIMAL_CONTAINER),
      // Both is a client error (the spec forbids it): descriptions, the default, win.
      iris:
        iris.includes(OA_PREFER_CONTAINED_IRIS) && !iris.includes(OA_PREFER_CONTAINED_DESCRIPTIONS),
      applied: true,
    };
  }
  return none;
}
