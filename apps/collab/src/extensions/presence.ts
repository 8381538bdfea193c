import {
  type beforeHandleAwarenessPayload,
  type beforeHandleMessagePayload,
  type Connection,
  type Document,
  type Extension,
  isTransactionOrigin,
} from "@hocuspocus/server";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import type { CollabContext } from "../context";
import { isOwnPresenceState, presenceUser } from "../presence-state";
import { type AwarenessEntry, decodeFrame, encodeAwarenessUpdate } from "../protocol";
import type { CollabLog } from "./logger";
import { decodedFrame } from "./message-guard";

function isEmptyState(state: unknown): boolean {
  return typeof state === "object" && state !== null && Object.keys(state).length === 0;
}

/** Awareness client ids one connection may hold (a provider uses one per document). */
export const MAX_CLIENTS_PER_CONNECTION = 4;

/**
 * Presence that cannot lie: an awareness state is shown only if its `user` is the connection's
 * own identity ({id, name, colour} from the server) and it has the contract's shape, and only
 * for client ids that are not another connection's. An update with any other state is dropped
 * whole — neither applied nor broadcast — and the socket stays open. A client may always clear
 * its own state (null).
 *
 * Hocuspocus 4.7 re-encodes each inbound awareness update through a scratch Awareness before
 * `beforeHandleAwareness`, which loses removals (null states) and adds the scratch's own empty
 * state. So this extension applies the vetted entries itself, from the raw message, and empties
 * Hocuspocus's re-encoded copy of every update that came from a connection.
 */
export class Presence implements Extension {
  extensionName = "Presence";
  // After Limits and MessageGuard: only messages that passed them reach the document.
  priority = 10;

  constructor(private readonly log?: CollabLog) {}

  async beforeHandleMessage({
    update: message,
    connection,
    document,
    context,
    socketId,
  }: beforeHandleMessagePayload<CollabContext>): Promise<void> {
    const frame = decodedFrame(message) ?? decodeFrame(message);
    if (frame.type !== "awareness") return;

    const refusal = this.refusal(frame.entries, connection, document, context);
    if (refusal) {
      this.log?.("warn", "presence-refused", {
        socket: socketId,
        document: document.name,
        user: context.user.id,
        reason: refusal,
      });
      return;
    }
    const own = document.getClients(connection);
    // Clearing a state that is not there, or sending a provider's initial empty state ({}, before
    // the app sets `user`), is nothing to apply.
    const entries = frame.entries.filter((entry) =>
      entry.state === null ? own.has(entry.clientId) : !isEmptyState(entry.state),
    );
    if (entries.length === 0) return;
    applyAwarenessUpdate(document.awareness, encodeAwarenessUpdate(entries), {
      source: "connection",
      connection,
    });
  }

  async beforeHandleAwareness({ states, transactionOrigin }: beforeHandleAwarenessPayload) {
    if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === "connection") {
      states.clear();
    }
  }

  private refusal(
    entries: AwarenessEntry[],
    connection: Connection,
    document: Document,
    context: CollabContext,
  ): string | null {
    const user = context.presence ?? presenceUser(context.user);
    const own = document.getClients(connection);
    const taken = new Set<number>();
    for (const [other, { clients }] of document.connections) {
      if (other !== connection) for (const id of clients) taken.add(id);
    }
    const claimed = new Set(own);
    for (const entry of entries) {
      if (taken.has(entry.clientId)) return "another connection's client id";
      if (entry.state === null || isEmptyState(entry.state)) continue;
      if (!isOwnPresenceState(context.document, entry.state, entry.json, user)) {
        return "a state that is not the connection's own presence";
      }
      claimed.add(entry.clientId);
    }
    return claimed.size > MAX_CLIENTS_PER_CONNECTION ? "too many client ids" : null;
  }
}
