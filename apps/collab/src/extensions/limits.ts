import type { beforeHandleMessagePayload, Extension } from "@hocuspocus/server";
import { MessageTooBig } from "../close-codes";

export interface LimitsConfiguration {
  /** The largest websocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Bytes a socket may queue before any of its documents is authenticated (Hocuspocus: 5 MiB). */
  unauthenticatedQueueBytes: number;
  /** Messages a socket may queue before it is authenticated (Hocuspocus: 1,000). */
  unauthenticatedQueueMessages: number;
  /** Documents a socket may have waiting for authentication at once (Hocuspocus: 100). */
  pendingDocuments: number;
}

/**
 * Before authentication a provider sends its token, a sync step 1 and its presence for each
 * document, and at most a few edits typed meanwhile: these caps leave room for that and little
 * else. A socket over a cap is closed with Hocuspocus's ResetConnection (4205).
 */
export const defaultLimits: LimitsConfiguration = {
  maxMessageBytes: 512 * 1024,
  unauthenticatedQueueBytes: 256 * 1024,
  unauthenticatedQueueMessages: 32,
  pendingDocuments: 8,
};

/**
 * Caps the size of every websocket message and what an unauthenticated socket may make the
 * server hold. The message cap is enforced twice:
 * - in the websocket layer (`serverOptions()` sets ws's `maxPayload`), which refuses an oversize
 *   frame while it arrives — before authentication, before it is buffered whole — and closes
 *   the socket with 1009;
 * - in `beforeHandleMessage`, for a Hocuspocus instance fed by another transport
 *   (`hocuspocus.handleConnection`) that has no such option.
 */
export class Limits implements Extension {
  extensionName = "Limits";
  // Run before any other extension's beforeHandleMessage (a higher priority runs first).
  priority = 1000;

  readonly configuration: LimitsConfiguration;

  constructor(configuration: Partial<LimitsConfiguration> = {}) {
    this.configuration = { ...defaultLimits, ...configuration };
  }

  /** Options for `new Server(...)`; ws's own default maxPayload is 100 MiB. */
  serverOptions() {
    const limits = this.configuration;
    return {
      websocketOptions: { maxPayload: limits.maxMessageBytes },
      maxUnauthenticatedQueueSize: limits.unauthenticatedQueueBytes,
      maxUnauthenticatedQueueMessages: limits.unauthenticatedQueueMessages,
      maxPendingDocuments: limits.pendingDocuments,
    };
  }

  async beforeHandleMessage({ update, connection }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength <= this.configuration.maxMessageBytes) return;
    connection.webSocket.close(MessageTooBig.code, MessageTooBig.reason);
    // Throwing stops Hocuspocus from applying the message.
    throw MessageTooBig;
  }
}
