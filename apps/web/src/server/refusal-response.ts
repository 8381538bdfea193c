import { appCodeOf } from "@hashiya/api";
import { TRPCError } from "@trpc/server";
import { errorSentence } from "~/i18n/errors";
import { resolveLocale } from "~/i18n/request";

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  TOO_MANY_REQUESTS: 429,
};

/**
 * A route handler's answer to a refused procedure call: the status and the catalogue's
 * sentence in the reader's language, as plain text. Anything else is rethrown (a 500).
 */
export async function refusalResponse(error: unknown): Promise<Response> {
  if (!(error instanceof TRPCError)) throw error;
  const status = STATUS[error.code];
  const code = appCodeOf(error);
  if (!status || !code) throw error;
  return new Response(`${errorSentence(code, await resolveLocale())}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
