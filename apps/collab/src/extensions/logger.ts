import type { connectedPayload, Extension, onDisconnectPayload } from "@hocuspocus/server";
import type { CollabContext } from "../context";
import type { Refusal } from "./authentication";

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | undefined>;

/** Where log lines go. Fields never hold a token: only ids, names of documents and reasons. */
export type CollabLog = (level: LogLevel, event: string, fields: LogFields) => void;

function format(value: string | number | boolean): string {
  const text = String(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

/** One `key=value` line per event on stdout (info) or stderr (warn, error). */
export const consoleLog: CollabLog = (level, event, fields) => {
  const pairs = Object.entries(fields).flatMap(([key, value]) =>
    value === undefined ? [] : [`${key}=${format(value)}`],
  );
  const line = [`collab ${event}`, ...pairs].join(" ");
  if (level === "info") console.log(line);
  else console.error(`${level}: ${line}`);
};

/** One line per document connected, disconnected or refused. */
export class Logger implements Extension {
  extensionName = "Logger";

  constructor(private readonly log: CollabLog = consoleLog) {}

  async connected({ socketId, documentName, context }: connectedPayload<CollabContext>) {
    this.log("info", "connect", {
      socket: socketId,
      document: documentName,
      user: context.user.id,
      access: context.access,
    });
  }

  async onDisconnect({
    socketId,
    documentName,
    context,
    clientsCount,
  }: onDisconnectPayload<CollabContext>) {
    this.log("info", "disconnect", {
      socket: socketId,
      document: documentName,
      user: context.user.id,
      remaining: clientsCount,
    });
  }

  /** Given to the Authentication extension, which is the one that knows why it refused. */
  refused = ({ socketId, documentName, refusal, userId, error }: Refusal) => {
    this.log(error === undefined ? "warn" : "error", "refused", {
      socket: socketId,
      document: documentName,
      user: userId,
      reason: refusal.reason,
      error:
        error === undefined ? undefined : error instanceof Error ? error.message : String(error),
    });
  };
}
