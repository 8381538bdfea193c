import type { Db } from "@hashiya/db";
import { Server } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { Authentication } from "./extensions/authentication";
import { Limits, type LimitsConfiguration } from "./extensions/limits";
import { type CollabLog, consoleLog, Logger } from "./extensions/logger";
import { MessageGuard } from "./extensions/message-guard";
import { OriginCheck } from "./extensions/origin";
import { Persistence } from "./extensions/persistence";
import { Presence } from "./extensions/presence";
import { Revocation } from "./extensions/revocation";

export interface CollabServerOptions {
  db: Db;
  /** The web app's AUTH_SECRET. */
  authSecret: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  maxMessageBytes: number;
  /** Origins whose pages may open a socket (COLLAB_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
  /** Let in clients that send no Origin header (COLLAB_ALLOW_MISSING_ORIGIN). */
  allowMissingOrigin: boolean;
  /** The caps on unauthenticated sockets (defaults in extensions/limits.ts). */
  limits?: Partial<Omit<LimitsConfiguration, "maxMessageBytes">>;
  /**
   * The database URL to LISTEN on for membership changes, which then take effect on open
   * connections at once (extensions/revocation.ts). Without it, access is decided on connect.
   */
  databaseUrl?: string;
  /** Compact a persisted document once it has more rows than this (default 200). */
  compactAfterRows?: number;
  log?: CollabLog;
}

/** The Hocuspocus server, not yet listening: call `listen()`, and `destroy()` to stop. */
export function createCollabServer(options: CollabServerOptions): Server<CollabContext> {
  const log = options.log ?? consoleLog;
  const logger = new Logger(log);
  const limits = new Limits({ ...options.limits, maxMessageBytes: options.maxMessageBytes });
  const authentication = new Authentication({
    db: options.db,
    authSecret: options.authSecret,
    onRefused: logger.refused,
  });
  return new Server<CollabContext>({
    name: "hashiya-collab",
    port: options.port,
    address: options.host,
    // main.ts logs its own start line and owns the signal handlers (to close the database too).
    quiet: true,
    stopOnSignals: false,
    ...limits.serverOptions(),
    // Hooks run by priority (highest first), then in this order.
    extensions: [
      new OriginCheck({
        allowedOrigins: options.allowedOrigins,
        allowMissingOrigin: options.allowMissingOrigin,
        log,
      }),
      limits,
      new MessageGuard(log),
      authentication,
      new Persistence({ db: options.db, compactAfterRows: options.compactAfterRows ?? 200, log }),
      new Presence(log),
      new Revocation({ db: options.db, databaseUrl: options.databaseUrl, log }),
      logger,
    ],
  });
}
