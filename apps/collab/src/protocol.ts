import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";

/** One client's entry in an awareness update: `state` null means the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
  /** The state as sent (its size is limited). */
  json: string;
}

/** A websocket message from a client, decoded as far as the collab server cares. */
export type Frame =
  | { type: "sync-step1" }
  | { type: "update"; syncType: "step2" | "update"; update: Uint8Array }
  | { type: "awareness"; entries: AwarenessEntry[] }
  | { type: "other" };

/** Thrown for a message that cannot be decoded. */
export class MalformedFrame extends Error {
  constructor(detail: string) {
    super(`malformed message: ${detail}`);
    this.name = "MalformedFrame";
  }
}

/** The entries of an awareness update (y-protocols' encoding); throws on anything else. */
export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json, state: JSON.parse(json) });
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrame("bytes after the awareness update");
  return entries;
}

/** An awareness update holding these entries (the inverse of decodeAwarenessUpdate). */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes a Hocuspocus message (document address, message type, payload) the way Hocuspocus and
 * y-protocols will read it, so that anything they would choke on half-way is caught first.
 * Throws MalformedFrame.
 */
export function decodeFrame(message: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document's address
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          return { type: "sync-step1" };
        }
        if (syncType === messageYjsSyncStep2 || syncType === messageYjsUpdate) {
          // Parses every struct and the delete set: random bytes rarely get through this.
          Y.decodeUpdate(payload);
          const kind = syncType === messageYjsSyncStep2 ? "step2" : "update";
          return { type: "update", syncType: kind, update: payload };
        }
        throw new MalformedFrame(`unknown sync message type ${syncType}`);
      }
      case MessageType.Awareness:
        return {
          type: "awareness",
          entries: decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)),
        };
      case MessageType.Stateless:
        decoding.readVarString(decoder);
        return { type: "other" };
      case MessageType.BroadcastStateless:
        throw new MalformedFrame("a server-internal message type from a client");
      default:
        return { type: "other" };
    }
  } catch (error) {
    if (error instanceof MalformedFrame) throw error;
    throw new MalformedFrame(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Why `update` must not be applied to `document`, or null when it may: it must apply cleanly to
 * a copy of the document (Yjs applies an update struct by struct, so one that fails half-way
 * leaves the half it applied — and y-protocols swallows the error and Hocuspocus acknowledges
 * it), and it must not depend on changes the document never had (such a "pending" update could
 * fail later, inside another client's update).
 */
export function refuseUpdate(document: Y.Doc, update: Uint8Array): string | null {
  const copy = new Y.Doc({ gc: document.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    const hadPending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    Y.applyUpdate(copy, update);
    if (!hadPending && (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)) {
      return "the update depends on changes the document does not have";
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    copy.destroy();
  }
}
