import { createHash } from "node:crypto";

// Entity tags (RFC 9110 section 8.8.3) and the conditional requests the protocol relies on:
// If-Match on PUT/DELETE (strong comparison), If-None-Match on GET/HEAD (weak comparison).

/** A strong ETag over the parts that make a representation (its bytes, its row's version). */
export function etagOf(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return `"${hash.digest("base64url").slice(0, 32)}"`;
}

function entityTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** If-Match holds: `*` (the resource exists) or one of its tags equals ours, strongly. */
export function ifMatchHolds(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return entityTags(header).some((tag) => !tag.startsWith("W/") && tag === etag);
}

/** If-None-Match matches: `*` or one of its tags equals ours, weakly (a 304 is in order). */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return entityTags(header).some((tag) => tag.replace(/^W\//, "") === etag);
}
