import { signCollabToken } from "@hashiya/auth/collab-token";
import type { Db } from "@hashiya/db";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import type { LogFields, LogLevel } from "../extensions/logger";
import { type CollabServerOptions, createCollabServer } from "../server";

export const TEST_AUTH_SECRET = "collab-test-secret-that-is-long-enough-0123";
export const TEST_WEB_ORIGIN = "http://localhost:3000";

export interface LogEntry {
  level: LogLevel;
  event: string;
  fields: LogFields;
}

/** A real collab server on a free port, with its log lines kept for assertions. */
export async function startTestServer(db: Db, overrides: Partial<CollabServerOptions> = {}) {
  const logged: LogEntry[] = [];
  const server = createCollabServer({
    db,
    authSecret: TEST_AUTH_SECRET,
    port: 0,
    host: "127.0.0.1",
    maxMessageBytes: 64 * 1024,
    allowedOrigins: [TEST_WEB_ORIGIN],
    // Node clients send no Origin header.
    allowMissingOrigin: true,
    log: (level, event, fields) => logged.push({ level, event, fields }),
    ...overrides,
  });
  await server.listen();
  return { server, url: `ws://127.0.0.1:${server.address.port}`, logged };
}

export function tokenFor(user: { id: string; name: string }, options?: { now?: Date }) {
  return signCollabToken({ userId: user.id, name: user.name }, TEST_AUTH_SECRET, options);
}

export type Outcome =
  | { type: "authenticated"; scope: string }
  | { type: "refused"; reason: string };

/**
 * Real HocuspocusProviders over real websockets; `closeAll()` destroys them (call it before
 * destroying the server, which waits for its documents to unload).
 */
export class Clients {
  private readonly providers: HocuspocusProvider[] = [];
  private readonly sockets = new Set<HocuspocusProviderWebsocket>();

  /**
   * Opens `name` with `token` and resolves with the server's answer to the token. Each call
   * opens its own socket unless given one to share (Hocuspocus multiplexes documents on it).
   */
  async connect(
    url: string,
    name: string,
    token: string | null,
    shared?: HocuspocusProviderWebsocket,
  ) {
    let settle: (outcome: Outcome) => void = () => {};
    const answered = new Promise<Outcome>((resolve, reject) => {
      settle = resolve;
      setTimeout(
        () => reject(new Error(`the server did not answer the token for ${name}`)),
        10_000,
      );
    });
    // Node 20 has no global WebSocket: give the socket ws, and attach the provider to it
    // ourselves (a provider does that only for a socket it creates).
    const socket = shared ?? new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      token,
      onAuthenticated: ({ scope }) => settle({ type: "authenticated", scope }),
      onAuthenticationFailed: ({ reason }) => settle({ type: "refused", reason }),
    });
    this.providers.push(provider);
    this.sockets.add(socket);
    provider.attach();
    return { provider, socket, outcome: await answered };
  }

  closeAll() {
    for (const provider of this.providers.splice(0)) provider.destroy();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

/** Resolves once `condition()` holds, checking every 10 ms. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
