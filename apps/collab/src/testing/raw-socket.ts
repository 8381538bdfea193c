import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";

/** Hocuspocus messages built by hand, with y-protocols' and lib0's encoders. */
export const frames = {
  auth(documentName: string, token: string): Uint8Array {
    return frame(documentName, MessageType.Auth, (encoder) => {
      encoding.writeVarUint(encoder, 0); // AuthMessageType.Token
      encoding.writeVarString(encoder, token);
    });
  },
  syncStep1(documentName: string, doc = new Y.Doc()): Uint8Array {
    return frame(documentName, MessageType.Sync, (encoder) => {
      encoding.writeVarUint(encoder, messageYjsSyncStep1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
    });
  },
  /** A Yjs update as an Update message (`step2`: as a Sync step 2). */
  update(documentName: string, update: Uint8Array, step2 = false): Uint8Array {
    return frame(documentName, MessageType.Sync, (encoder) => {
      encoding.writeVarUint(encoder, step2 ? messageYjsSyncStep2 : messageYjsUpdate);
      encoding.writeVarUint8Array(encoder, update);
    });
  },
  awareness(documentName: string, update: Uint8Array): Uint8Array {
    return frame(documentName, MessageType.Awareness, (encoder) => {
      encoding.writeVarUint8Array(encoder, update);
    });
  },
};

function frame(documentName: string, type: number, body: (encoder: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * A websocket that speaks the protocol by hand: opens, authenticates one document and waits for
 * the server's answer. `closed` resolves with the close frame's code and reason.
 */
export async function openRawSocket(url: string, documentName: string, token: string) {
  const socket = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const authenticated = new Promise<string>((resolve, reject) => {
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== MessageType.Auth) return;
      const answer = decoding.readVarUint(decoder);
      const detail = decoding.readVarString(decoder);
      if (answer === 2) resolve(detail);
      else reject(new Error(`refused: ${detail}`));
    });
  });
  socket.send(frames.auth(documentName, token));
  const scope = await authenticated;
  // What a provider does next: ask for the document (the server loads it meanwhile).
  socket.send(frames.syncStep1(documentName));
  return { socket, scope, closed };
}
