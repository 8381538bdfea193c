import { TRPCError } from "@trpc/server";
import { appCodeOf } from "../trpc";

/** The stable error id a rejected call carried, its tRPC code without one, or "resolved". */
export async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return appCodeOf(error) ?? error.code;
  }
}
