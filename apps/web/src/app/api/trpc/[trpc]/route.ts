import { appRouter } from "@hashiya/api";
import { auth } from "@hashiya/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "~/server/context";

async function handler(req: Request): Promise<Response> {
  const session = await auth();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req,
    createContext: () => createContext(session),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC failed on ${path ?? "<no path>"}:`, error);
      }
    },
  });
}

export { handler as GET, handler as POST };
