import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { type AppErrorCode, isAppErrorCode } from "~/i18n/errors";

/** Runs a server-side procedure call; a NOT_FOUND from the API becomes the 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Why the API refused a page's reads, for the page to say (e.g. a student on a staff page). */
export interface Refusal {
  refusal: AppErrorCode;
}

/**
 * Like {@link orNotFound}; a FORBIDDEN that carries one of our sentences becomes a
 * {@link Refusal} the page shows instead of its content.
 */
export async function orRefusal<T>(call: Promise<T>): Promise<T | Refusal> {
  try {
    return await orNotFound(call);
  } catch (error) {
    const appCode = (error as { cause?: { appCode?: unknown } }).cause?.appCode;
    if (error instanceof TRPCError && error.code === "FORBIDDEN" && isAppErrorCode(appCode)) {
      return { refusal: appCode };
    }
    throw error;
  }
}
