import type { IncomingHttpHeaders } from "node:http";

/** Node's request headers as web `Headers` (a repeated header's values joined, as HTTP allows). */
export function webHeaders(headers: IncomingHttpHeaders): Headers {
  const converted = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) converted.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return converted;
}
