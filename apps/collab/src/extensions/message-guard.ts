import type { beforeHandleMessagePayload, Extension } from "@hocuspocus/server";
import { MalformedMessage } from "../close-codes";
import { decodeFrame, type Frame, MalformedFrame, refuseUpdate } from "../protocol";
import type { CollabLog } from "./logger";

/** What the guard has decoded for the message being handled, for the hooks after it. */
const decoded = new WeakMap<Uint8Array, Frame>();

/** The frame MessageGuard decoded from this exact message (same bytes object), if it did. */
export function decodedFrame(message: Uint8Array): Frame | undefined {
  return decoded.get(message);
}

/**
 * Closes the socket of a client that sends a message the server cannot decode, or a Yjs update
 * that would fail (or half-apply) on the document, before any of it reaches the document: the
 * document and the other clients stay as they were. Runs after Limits, before everything else.
 */
export class MessageGuard implements Extension {
  extensionName = "MessageGuard";
  priority = 900;

  constructor(private readonly log?: CollabLog) {}

  async beforeHandleMessage({
    update: message,
    connection,
    document,
    documentName,
    socketId,
  }: beforeHandleMessagePayload): Promise<void> {
    let why: string | null;
    try {
      const frame = decodeFrame(message);
      decoded.set(message, frame);
      // A read-only connection's updates are never applied (Hocuspocus answers "not saved").
      why =
        frame.type === "update" && !connection.readOnly
          ? refuseUpdate(document, frame.update)
          : null;
    } catch (error) {
      if (!(error instanceof MalformedFrame)) throw error;
      why = error.message;
    }
    if (why === null) return;
    this.log?.("warn", "malformed", { socket: socketId, document: documentName, error: why });
    connection.webSocket.close(MalformedMessage.code, MalformedMessage.reason);
    // Throwing stops Hocuspocus from applying the message (and from acknowledging it).
    throw MalformedMessage;
  }
}
