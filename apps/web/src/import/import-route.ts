import { importHttpResponse } from "@hashiya/api/import";
import { db } from "@hashiya/db";
import { env } from "~/env";
import { sessionOf } from "~/server/session";

/** An import for the session's user (authorised, capped and answered in `importHttpResponse`). */
export async function importRoute(req: Request, textId: string): Promise<Response> {
  const session = await sessionOf(req);
  const user = session?.user;
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  return importHttpResponse(db, actor, textId, req, env.AUTH_URL ?? new URL(req.url).origin);
}
