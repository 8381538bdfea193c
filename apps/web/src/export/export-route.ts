import { exportHttpResponse } from "@hashiya/api/export";
import { env } from "~/env";
import { sessionOf } from "~/server/session";

/** An export download for the session's user (authorised in `exportHttpResponse`, run in the export worker). */
export async function exportRoute(
  req: Request,
  target: { kind: "text" | "course"; id: string },
): Promise<Response> {
  const session = await sessionOf(req);
  const user = session?.user;
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  const url = new URL(req.url);
  return exportHttpResponse(env.DATABASE_URL, actor, target, url, env.AUTH_URL ?? url.origin);
}
