import type { Db } from "@hashiya/db";
import { Server } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { Authentication } from "./extensions/authentication";
import { Limits } from "./extensions/limits";
import { type CollabLog, consoleLog, Logger } from "./extensions/logger";

export interface CollabServerOptions {
  db: Db;
  /** The web app's AUTH_SECRET. */
  authSecret: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  maxMessageBytes: number;
  log?: CollabLog;
}

/** The Hocuspocus server, not yet listening: call `listen()`, and `destroy()` to stop. */
export function createCollabServer(options: CollabServerOptions): Server<CollabContext> {
  const logger = new Logger(options.log ?? consoleLog);
  const limits = new Limits({ maxMessageBytes: options.maxMessageBytes });
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
    extensions: [limits, authentication, logger],
  });
}
