/**
 * The client's network address for per-address budgets: the last X-Forwarded-For hop (the one
 * the nearest proxy added), else X-Real-IP, else null. In the production stack the only way in
 * is Caddy (deploy/Caddyfile), which replaces whatever a client sent with its real address;
 * `next start` reached directly only fills the header when a request has none, so there a
 * client could pick its own. Per-user budgets, which cover every signed-in write, do not
 * depend on it.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (last) return last.slice(0, 64);
  return headers.get("x-real-ip")?.trim().slice(0, 64) || null;
}
