import type { TRPCError } from "@trpc/server";
import { retryAfterOf } from "../trpc";

/**
 * tRPC `responseMeta` for the HTTP handler: a Retry-After header (seconds) when a call of the
 * request was refused by a rate limit; the status (429) comes from the error's code.
 */
export function retryAfterMeta({ errors }: { errors: TRPCError[] }): { headers?: Headers } {
  const waits = errors.map(retryAfterOf).filter((seconds) => seconds !== null);
  if (waits.length === 0) return {};
  return { headers: new Headers({ "retry-after": String(Math.max(...waits)) }) };
}
