import pg from "pg";
import { MODERATION_CHANNEL } from "../moderation/channel";
import { NOTIFICATIONS_CHANNEL } from "../notifications/channel";
import { MEMBERSHIP_CHANNEL } from "./membership-channel";

/**
 * The PostgreSQL channel on which writers announce that a text has new events. Payload: the
 * text's id, then ":" and the newest event id the write appended (`textEventsPayload`).
 */
export const TEXT_EVENTS_CHANNEL = "hashiya_text_events";

/** A text events notification's payload; a bare text id (no event id) also wakes readers. */
export function parseTextEventsPayload(payload: string): { textId: string; upTo?: bigint } {
  const colon = payload.lastIndexOf(":");
  const id = colon < 0 ? "" : payload.slice(colon + 1);
  if (!/^\d{1,19}$/.test(id)) return { textId: payload };
  return { textId: payload.slice(0, colon), upTo: BigInt(id) };
}

/**
 * Further channels the same connection LISTENs on (one connection per process, whatever the
 * topic). Their notifications wake the subscribers watching `topicOf(channel, payload)`.
 */
const OTHER_CHANNELS = [NOTIFICATIONS_CHANNEL, MEMBERSHIP_CHANNEL, MODERATION_CHANNEL];

/** The key `watch` takes for a payload on one of the other channels (texts keep their bare id). */
export const topicOf = (channel: string, payload: string) => `${channel}:${payload}`;

/** The `application_name` of the hub's connection, so operators (and tests) can find it. */
export const LIVE_HUB_APPLICATION_NAME = "hashiya-live-hub";

/**
 * One viewer's wake-up flag for one text. It starts raised, so the first read happens at once;
 * a notification that arrives while the subscriber is busy reading stays raised until the next
 * `wait`, so no wake-up is lost between a read and the next wait.
 */
export interface TextWakeups {
  /**
   * Resolves once something may have happened on the text (or `signal` aborts), with the
   * `performance.now()` time of the wake-up: a log read that started at or after it is sure
   * to see whatever caused it (it had committed before the notification arrived).
   */
  wait(signal?: AbortSignal): Promise<number>;
  /**
   * After a `wait`: the newest event id that the notifications which ended it announced, when
   * every one of them named one (a writer's NOTIFY carries its last event id); null when a read
   * is needed whatever the cursor (the first wait, a reconnect, a bare text id, a close). A
   * reader whose cursor is already at or past it has nothing to read.
   */
  readonly announced?: bigint | null;
  /** Stops listening; idempotent. */
  close(): void;
}

/** Per-process fan-out of `LISTEN hashiya_text_events` to the subscriptions of each text. */
export interface LiveHub {
  /** Starts listening for a text's notifications; register before reading the log. */
  watch(textId: string): TextWakeups;
  /** Resolves once the LISTEN connection is up (tests; subscriptions need not wait). */
  ready(): Promise<void>;
  /** What the hub holds now, for health checks and leak tests. */
  stats(): { connected: boolean; texts: number; subscribers: number };
  /** Closes the LISTEN connection; subscriptions then see no more wake-ups. */
  close(): Promise<void>;
}

export interface LiveHubOptions {
  /** First delay before reconnecting a dropped LISTEN connection; doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
  /** Where connection problems are reported; the hub itself never throws them. */
  onError: (error: unknown) => void;
}

const defaults: LiveHubOptions = {
  retryMs: 100,
  maxRetryMs: 5_000,
  onError: (error) => console.error("[live-hub]", error),
};

class Wakeups implements TextWakeups {
  private raised = true;
  private raisedAt = performance.now();
  private resolve: (() => void) | null = null;
  /** Since the last wait: the newest id announced, or null once a raise named none. */
  private pendingUpTo: bigint | null = null;
  announced: bigint | null = null;

  constructor(private readonly onClose: (self: Wakeups) => void) {}

  /** `upTo`: the newest event the notification announced, when it said. */
  raise(upTo?: bigint) {
    // Only raises that all named an id may spare a read: one without an id forces it.
    if (upTo === undefined) this.pendingUpTo = null;
    else if (!this.raised || (this.pendingUpTo !== null && upTo > this.pendingUpTo)) {
      this.pendingUpTo = upTo;
    }
    // The latest raise is the one to remember: a read that started after it sees all of them.
    this.raisedAt = performance.now();
    this.raised = true;
    this.resolve?.();
    this.resolve = null;
  }

  async wait(signal?: AbortSignal): Promise<number> {
    if (!this.raised && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          signal?.removeEventListener("abort", done);
          resolve();
        };
        this.resolve = done;
        signal?.addEventListener("abort", done, { once: true });
      });
    }
    this.raised = false;
    this.announced = this.pendingUpTo;
    this.pendingUpTo = null;
    return this.raisedAt;
  }

  close() {
    this.onClose(this);
    this.raise();
  }
}

/**
 * A hub holding ONE dedicated `pg.Client` that LISTENs (pooled connections cannot: LISTEN is
 * per session). When the connection drops it reconnects with backoff, and on every (re)connect
 * it wakes every subscriber, because notifications sent while it was away are gone: each
 * subscriber re-reads the event log from its cursor and so misses nothing.
 */
export function createLiveHub(databaseUrl: string, options: Partial<LiveHubOptions> = {}): LiveHub {
  const config = { ...defaults, ...options };
  const byText = new Map<string, Set<Wakeups>>();
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retry = config.retryMs;
  let timer: NodeJS.Timeout | null = null;
  let readyResolve: () => void = () => {};
  let readyPromise = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });

  const wakeAll = () => {
    for (const set of byText.values()) for (const wakeups of set) wakeups.raise();
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retry);
    retry = Math.min(retry * 2, config.maxRetryMs);
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: LIVE_HUB_APPLICATION_NAME,
      // TCP keep-alive notices a connection that died silently (a partition, a NAT timeout),
      // which would otherwise leave the hub listening to nothing.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      // A fresh promise only after a success: those waiting on a first connection keep waiting.
      if (connected) {
        readyPromise = new Promise<void>((resolve) => {
          readyResolve = resolve;
        });
      }
      connected = false;
      if (error) config.onError(error);
      next.removeAllListeners();
      // A dead client may still emit errors; unhandled, they would crash the process.
      next.on("error", () => {});
      next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on("notification", (message) => {
      if (!message.payload) return;
      if (message.channel !== TEXT_EVENTS_CHANNEL) {
        for (const wakeups of byText.get(topicOf(message.channel, message.payload)) ?? []) {
          wakeups.raise();
        }
        return;
      }
      const { textId, upTo } = parseTextEventsPayload(message.payload);
      for (const wakeups of byText.get(textId) ?? []) wakeups.raise(upTo);
    });
    next.on("error", lost);
    next.on("end", () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(
        [TEXT_EVENTS_CHANNEL, ...OTHER_CHANNELS].map((channel) => `LISTEN ${channel};`).join(" "),
      );
    } catch (error) {
      lost(error);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    retry = config.retryMs;
    connected = true;
    readyResolve();
    wakeAll();
  };

  void connect();

  return {
    watch(textId) {
      const wakeups = new Wakeups((self) => {
        const set = byText.get(textId);
        set?.delete(self);
        if (set?.size === 0) byText.delete(textId);
      });
      const set = byText.get(textId) ?? new Set();
      byText.set(textId, set);
      set.add(wakeups);
      return wakeups;
    },
    ready: () => readyPromise,
    stats() {
      let subscribers = 0;
      for (const set of byText.values()) subscribers += set.size;
      return { connected, texts: byText.size, subscribers };
    },
    async close() {
      closed = true;
      connected = false;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      current?.removeAllListeners();
      current?.on("error", () => {});
      await current?.end().catch(() => {});
      wakeAll();
    },
  };
}
