import type { beforeHandleMessagePayload, Extension } from "@hocuspocus/server";
import { MessageTooBig } from "../close-codes";

export interface LimitsConfiguration {
  /** The largest websocket message accepted, in bytes. */
  maxMessageBytes: number;
}

export const defaultLimits: LimitsConfiguration = {
  maxMessageBytes: 512 * 1024,
};

/**
 * Caps the size of every websocket message. The cap is enforced twice:
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
  serverOptions(): { websocketOptions: { maxPayload: number } } {
    return { websocketOptions: { maxPayload: this.configuration.maxMessageBytes } };
  }

  async beforeHandleMessage({ update, connection }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength <= this.configuration.maxMessageBytes) return;
    connection.webSocket.close(MessageTooBig.code, MessageTooBig.reason);
    // Throwing stops Hocuspocus from applying the message.
    throw MessageTooBig;
  }
}
