import { TRPCError } from "@trpc/server";
import { type AppErrorCode, formatErrorMessages } from "../errors";
import { appCodeOf, retryAfterOf } from "../trpc";

// The protocol's refusals: a status, the error's stable id and its sentence in both languages
// (as the export route answers), plus the headers the resource must carry on every response.

export interface Refusal {
  status: number;
  code: AppErrorCode;
  params?: Record<string, string>;
  /** What fills the sentence's `{details}`, in each language. */
  details?: { en: string; ar: string };
  headers?: Record<string, string>;
}

/** A refusal as an HTTP response, with the resource's own headers (Link, Allow, …). */
export function refusalResponse(refusal: Refusal, resourceHeaders: Headers): Response {
  const headers = new Headers(resourceHeaders);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(refusal.headers ?? {})) headers.set(name, value);
  const { en, ar } = formatErrorMessages(refusal.code, refusal.params);
  const { details } = refusal;
  const messages = details
    ? { en: en.replace("{details}", details.en), ar: ar.replace("{details}", details.ar) }
    : { en, ar };
  return new Response(JSON.stringify({ error: { code: refusal.code, messages } }), {
    status: refusal.status,
    headers,
  });
}

/** `WWW-Authenticate` for a missing (or, with `invalid`, a refused) bearer token. */
export function bearerChallenge(invalid: boolean): Record<string, string> {
  return {
    "WWW-Authenticate": `Bearer realm="hashiya"${invalid ? ', error="invalid_token"' : ""}`,
  };
}

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** A refused procedure call (the app's commands) as the protocol's refusal; rethrows the rest. */
export function refusalOfProcedure(error: unknown): Refusal {
  if (!(error instanceof TRPCError)) throw error;
  const status = STATUS[error.code];
  const code = appCodeOf(error);
  if (!status || !code) throw error;
  const retryAfter = retryAfterOf(error);
  const params = (error.cause as { params?: Record<string, string> } | undefined)?.params;
  return {
    status,
    code,
    ...(params && { params }),
    headers: {
      ...(retryAfter !== null && { "Retry-After": String(retryAfter) }),
      ...(status === 401 && bearerChallenge(false)),
    },
  };
}
