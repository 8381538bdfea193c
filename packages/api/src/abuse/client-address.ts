/**
 * The client's network address for per-address budgets: the last X-Forwarded-For hop (the one
 * the nearest proxy added; `next start` fills the header with the peer's address when a request
 * has none), else X-Real-IP, else null. A client talking to the app directly could pick its own;
 * per-user budgets, which cover every signed-in write, do not depend on it.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (last) return last.slice(0, 64);
  return headers.get("x-real-ip")?.trim().slice(0, 64) || null;
}
