import { createCaller } from "@hashiya/api";
import { clientAddressOf } from "@hashiya/api/abuse";
import { auth } from "@hashiya/auth";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "~/server/context";

/**
 * Procedures called directly from server components and server actions: no HTTP, same
 * policies. Cached per request so a page's parts share one session lookup.
 */
export const api = cache(async () =>
  createCaller(createContext(await auth(), clientAddressOf(await headers()))),
);
