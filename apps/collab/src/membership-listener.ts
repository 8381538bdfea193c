import {
  MEMBERSHIP_CHANNEL,
  type MembershipChange,
  parseMembershipPayload,
} from "@hashiya/api/membership-channel";
import pg from "pg";

/** The `application_name` of the listener's connection, so operators (and tests) can find it. */
export const MEMBERSHIP_LISTENER_APPLICATION_NAME = "hashiya-collab-membership";

export interface MembershipListenerOptions {
  /** A membership change committed: re-decide the connections it concerns. */
  onChange(change: MembershipChange): void;
  /**
   * The connection came back after a loss: notifications sent meanwhile are gone, so every open
   * connection must be re-decided.
   */
  onReconnect(): void;
  onError(error: unknown): void;
  /** First delay before reconnecting; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface MembershipListener {
  /** Resolves once the LISTEN is in place (tests). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One dedicated connection that LISTENs to `hashiya_membership` (pooled connections cannot:
 * LISTEN belongs to a session), reconnecting with backoff when it drops.
 */
export function listenForMembershipChanges(
  databaseUrl: string,
  options: MembershipListenerOptions,
): MembershipListener {
  const baseRetry = options.retryMs ?? 100;
  const maxRetry = options.maxRetryMs ?? 5_000;
  let retry = baseRetry;
  let client: pg.Client | null = null;
  let closed = false;
  let everConnected = false;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retry);
    retry = Math.min(retry * 2, maxRetry);
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: MEMBERSHIP_LISTENER_APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      if (error) options.onError(error);
      next.removeAllListeners();
      // A dead client may still emit errors; unhandled, they would crash the process.
      next.on("error", () => {});
      next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on("notification", (message) => {
      if (message.channel !== MEMBERSHIP_CHANNEL) return;
      const change = parseMembershipPayload(message.payload);
      if (change) options.onChange(change);
    });
    next.on("error", lost);
    next.on("end", () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${MEMBERSHIP_CHANNEL}`);
    } catch (error) {
      lost(error);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    retry = baseRetry;
    if (everConnected) options.onReconnect();
    everConnected = true;
    markReady();
  };

  void connect();

  return {
    ready: () => readyPromise,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      current?.removeAllListeners();
      current?.on("error", () => {});
      await current?.end().catch(() => {});
    },
  };
}
