"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { announceAccessRevoked } from "~/courses/access-events";
import { ACCESS_REVOKED_REASON, accessMessageSchema } from "./schemas";
import { acquireSocket, releaseSocket } from "./socket";
import type { CollabSession } from "./use-collab-session";

export interface CollabDocumentStatus {
  /** The server let us in; `readOnly` is its decision, not ours. */
  authenticated: boolean;
  readOnly: boolean;
  /** The first sync handshake finished (the document holds the server's state). */
  synced: boolean;
  /** Local updates the server has not acknowledged yet (0 = everything saved). */
  unsyncedChanges: number;
  /** Why the server refused the document (close-codes.ts reasons), if it did. */
  refusal: string | null;
}

export interface CollabDocument {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  status: CollabDocumentStatus;
}

const INITIAL: CollabDocumentStatus = {
  authenticated: false,
  readOnly: true,
  synced: false,
  unsyncedChanges: 0,
  refusal: null,
};

// A refused token is retried with a fresh one a few times (clock skew, a refresh that raced
// the reconnect); any other refusal (forbidden, unknown document) is final.
const RETRYABLE = new Set(["token expired", "token invalid", "token missing"]);
const MAX_RETRIES = 3;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A Yjs document opened on the page's shared collab socket, with its provider's status as
 * React state. `null` until a session exists (anonymous readers never open one).
 */
export function useCollabDocument(
  session: CollabSession | null,
  name: string,
): CollabDocument | null {
  const [state, setState] = useState<CollabDocument | null>(null);

  useEffect(() => {
    if (!session) return;
    const { url, getToken, user } = session;
    const doc = new Y.Doc();
    const websocketProvider = acquireSocket(url);
    let status = INITIAL;
    let retries = 0;
    let disposed = false;

    const provider = new HocuspocusProvider({
      name,
      document: doc,
      websocketProvider,
      token: getToken,
      // A unique key per provider instance: a provider replaced on the same socket (strict
      // mode, a remount) never collides with its predecessor's half-closed connection.
      sessionAwareness: true,
    });
    const publish = (patch: Partial<CollabDocumentStatus>) => {
      status = { ...status, ...patch };
      if (!disposed) setState({ provider, doc, status });
    };

    provider.on("authenticated", ({ scope }: { scope: string }) => {
      retries = 0;
      publish({ authenticated: true, readOnly: scope !== "read-write", refusal: null });
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      publish({ authenticated: false, refusal: reason });
      if (!RETRYABLE.has(reason) || retries >= MAX_RETRIES) return;
      retries += 1;
      // The server forgot the refused document: authenticate and sync again from scratch.
      void provider.sendToken().then(() => provider.startSync());
    });
    provider.on("synced", () => publish({ synced: true }));
    provider.on("unsyncedChanges", ({ number }: { number: number }) =>
      publish({ unsyncedChanges: number }),
    );
    provider.on("disconnect", () => publish({ authenticated: false, synced: false }));
    // The user lost access while connected (removed from the course): the server closed this
    // document only; the page says so once for all its parts.
    provider.on("close", ({ event }: { event?: { reason?: string } }) => {
      if (event?.reason !== ACCESS_REVOKED_REASON) return;
      publish({ authenticated: false, readOnly: true, refusal: ACCESS_REVOKED_REASON });
      announceAccessRevoked(name.slice(name.indexOf(":") + 1));
    });
    // What the user may do changed (archived, restored, a role): the server enforces it already.
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = accessMessageSchema.safeParse(parseJson(payload));
      if (message.success) publish({ readOnly: message.data.access !== "read-write" });
    });
    // Awareness starts as `{}`, which the server refuses as a presence without an identity.
    // Publish the server-issued identity from the first message on, or nothing at all.
    provider.awareness?.setLocalState(user ? { user } : null);
    provider.attach();
    publish({});

    return () => {
      disposed = true;
      provider.destroy();
      doc.destroy();
      releaseSocket(url);
      setState(null);
    };
  }, [session, name]);

  return state;
}
