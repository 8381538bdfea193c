// The two string formats the W3C test suite's JSON schemas check ("uri" and "date-time" of JSON
// Schema draft 4, i.e. RFC 3986 and RFC 3339), written out so the package needs no validator.

// Scheme, then only characters a URI may hold (unreserved, reserved, percent-encoded): no
// spaces, no quotes, no non-ASCII (an IRI must be percent-encoded to pass as a URI).
const URI = /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9a-f]{2})*$/i;

/** Whether `value` is an absolute URI (RFC 3986), as JSON Schema's `format: "uri"` demands. */
export function isUri(value: unknown): value is string {
  if (typeof value !== "string" || !URI.test(value)) return false;
  // One fragment at most; brackets only around an IPv6 host.
  const hash = value.indexOf("#");
  if (hash >= 0 && value.indexOf("#", hash + 1) >= 0) return false;
  return !/[[\]]/.test(value.replace(/^[a-z][a-z0-9+.-]*:\/\/\[[0-9a-f:.]+\]/i, ""));
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Whether `value` is an RFC 3339 date-time (`format: "date-time"`), e.g. `toISOString()`. */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  const offsetOk = m[7] === undefined || (Number(m[7]) < 24 && Number(m[8]) < 60);
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! < 24 &&
    minute! < 60 &&
    second! <= 60 &&
    offsetOk
  );
}

/** Whether `value` looks like the BCP 47 tags the test suite accepts ("ar", "en-GB", "ar-Latn"). */
export function isLanguageTag(value: unknown): value is string {
  return typeof value === "string" && /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value);
}
