import type { Extension, onUpgradePayload } from "@hocuspocus/server";
import type { CollabLog } from "./logger";

export interface OriginCheckConfiguration {
  /** Origins (scheme://host[:port]) whose pages may open a socket. */
  allowedOrigins: readonly string[];
  /** Let in clients that send no Origin header at all (Node clients, tests); browsers always send one. */
  allowMissingOrigin: boolean;
  log?: CollabLog;
}

/** The origin of a URL as browsers send it in the Origin header (no path, default port dropped). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Refuses, at the HTTP upgrade, a websocket opened by a page of another site (cross-site
 * websocket hijacking: the browser would send the victim's cookies along). The refusal is a
 * plain `403 Forbidden` response; no websocket is ever opened, so there is no close code.
 */
export class OriginCheck implements Extension {
  extensionName = "OriginCheck";
  priority = 1000;

  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly configuration: OriginCheckConfiguration) {
    this.allowed = new Set(configuration.allowedOrigins.map(originOf));
  }

  isAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return this.configuration.allowMissingOrigin;
    return this.allowed.has(origin);
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    const origin = request.headers.origin;
    if (this.isAllowed(origin)) return;
    this.configuration.log?.("warn", "origin-refused", { origin: origin ?? "(none)" });
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    // Hocuspocus skips the upgrade when a hook rejects, and rethrows only a truthy reason (which
    // would crash the process from the upgrade listener): reject with none.
    return Promise.reject();
  }
}
