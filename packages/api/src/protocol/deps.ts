import type { Db } from "@hashiya/db";
import type { createCaller } from "../index";
import type { SessionUser } from "../trpc";

/** The app's annotation procedures, called as one user (validation, limits, moderation, live). */
export type AnnotationProcedures = Pick<ReturnType<typeof createCaller>, "annotation">;

/** What the protocol's HTTP handling needs from the app around it. */
export interface ProtocolDeps {
  db: Db;
  /** The site's origin, as the exporter's IRIs use it (AUTH_URL, else the request's). */
  baseUrl: string;
  /** The browser session's user, if any: it may read, never write. */
  sessionUser: SessionUser | null;
  /** The procedures as this user, in the web app's context (rate limits, live hub, address). */
  proceduresFor(user: SessionUser): AnnotationProcedures;
  /** Annotations per container page (tests shrink it). */
  pageSize?: number;
}
