import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";

/**
 * One websocket per page, shared by every document the page opens (`text:<id>` for presence,
 * `notes:<id>` for the shared notes): Hocuspocus multiplexes documents over one socket, so a
 * page costs the server one connection, however many components use it. Counted references,
 * released a tick late so React's strict-mode unmount/remount keeps the same socket.
 */
const sockets = new Map<string, { socket: HocuspocusProviderWebsocket; users: number }>();

export function acquireSocket(url: string): HocuspocusProviderWebsocket {
  let entry = sockets.get(url);
  if (!entry) {
    entry = { socket: new HocuspocusProviderWebsocket({ url }), users: 0 };
    sockets.set(url, entry);
  }
  entry.users += 1;
  return entry.socket;
}

export function releaseSocket(url: string): void {
  setTimeout(() => {
    const entry = sockets.get(url);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    sockets.delete(url);
    entry.socket.destroy();
  }, 0);
}
