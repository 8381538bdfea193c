import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Runs a server-side procedure call; a NOT_FOUND from the API becomes the 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
