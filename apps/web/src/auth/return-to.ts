/**
 * A path on this site to come back to after signing in or up (a join link, say), or "/": never
 * another site, so a crafted link cannot send someone elsewhere ("//evil", "/\evil" included).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** `href` with the return path kept, for the links between the sign-in and sign-up pages. */
export function withReturnPath(href: string, returnTo: string): string {
  return returnTo === "/" ? href : `${href}?callbackUrl=${encodeURIComponent(returnTo)}`;
}
