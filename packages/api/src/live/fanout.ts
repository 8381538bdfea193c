import type { LiveEvent } from "@hashiya/annotation-schema";
import type { Db, TextEvent } from "@hashiya/db";
import type { ThreadRow } from "../presenters";
import { appError } from "../trpc";
import type { LiveHub, TextWakeups } from "./hub";
import { type CommittedEvents, localOffer, onLocalCommit } from "./local-commits";
import { logAfter, threadAfterEvent } from "./shared-reads";

// One reader of the event log per text and process, instead of one per viewer: after a write,
// the text's channel reads the new rows and loads their threads once, then hands each viewer
// what it may see, synchronously. A viewer that is behind (a reconnect with an old id, or a
// slow consumer) catches up with reads of its own, and joins the channel once it is level.
//
// No event is missed or doubled: every viewer keeps its own cursor and takes only rows after
// it, and it joins the channel only when its cursor is at or past the channel's (else it reads
// the gap itself). The channel counts rows as delivered, and takes its list of viewers, in the
// same synchronous step, so a viewer joining while a delivery is under way has those rows or
// reads them.

/** Rows read from the log per query. */
const BATCH = 200;
/** How stale a viewer's lens (course role, settings) may get before it is read again. */
const LENS_TTL_MS = 5_000;
/**
 * How long one turn of the event loop may spend handing events to a text's viewers. The web
 * app's streams write each viewer's frame to its socket at once (`sse-node.ts`), so the first
 * viewers have it while the others are served; a text with very many viewers yields now and
 * then, so that other requests are not held up behind its fan-out.
 */
const TURN_MS = 4;
const RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

/** Where one viewer's events go (an SSE response, or tRPC's generator). */
export interface ViewerSink {
  /**
   * Takes the viewer's next events, in id order, and answers whether it can take more now.
   * After `false` the viewer is paused until {@link LiveSubscription.resume}; nothing is lost.
   */
  deliver(events: LiveEvent[]): boolean;
  /** The stream ends with this error (access lost, or the log could not be read). */
  fail(error: unknown): void;
}

/**
 * A viewer, with `L` what decides what they see (their role, the course's settings: the
 * lens). The fan-out knows nothing of it but how to refresh it and apply it.
 */
export interface ViewerOptions<L> {
  textId: string;
  /** The viewer's lens when the stream opened. */
  lens: L;
  /** The lens read again; null once the viewer may no longer read the text (the stream ends). */
  refreshLens(lens: L): Promise<L | null>;
  /**
   * Whether what the viewer sees changed between two lenses (a role, the course's settings):
   * they are then told to read the discussion again (`access.changed`), and go on refiltered.
   */
  changed?(before: L, after: L): boolean;
  /** What the viewer gets of a logged event, given its thread as stored after it. Synchronous. */
  eventFor(lens: L, row: TextEvent, stored: ThreadRow | null): LiveEvent | null;
  /** The last event the viewer has (or need not have): it gets the events after it. */
  cursor: bigint;
  /**
   * Whether `cursor` is the newest event as read after {@link TextChannel} started watching
   * (so nothing after it can have been announced before): the viewer may join at once.
   */
  fresh: boolean;
  sink: ViewerSink;
}

/** A viewer's place in its text's channel. */
export interface LiveSubscription {
  /** After the sink answered `false`: it can take events again. */
  resume(): void;
  /** Reads the viewer's lens again now (a membership change was announced for them). */
  refreshNow(): void;
  /** Leaves the channel; idempotent. */
  close(): void;
}

export interface LiveFanout {
  /**
   * Starts watching a text's notifications (before the caller chooses the viewer's cursor, so
   * that nothing falls in between) and holds its channel until `release` or `add`'s close.
   */
  enter(textId: string): TextChannel;
  /** The channels held now, for leak tests. */
  stats(): { texts: number; viewers: number };
}

const fanouts = new WeakMap<LiveHub, WeakMap<Db, LiveFanout>>();

/** The process's fan-out for this database and hub (one per pair, made on first use). */
export function fanoutOf(
  db: Db,
  hub: LiveHub,
  onError: (error: unknown) => void = (error) => console.error("[live]", error),
): LiveFanout {
  let byDb = fanouts.get(hub);
  if (!byDb) {
    byDb = new WeakMap();
    fanouts.set(hub, byDb);
  }
  let fanout = byDb.get(db);
  if (!fanout) {
    const channels = new Map<string, TextChannel>();
    const context: ChannelContext = { db, hub, onError, channels };
    fanout = {
      enter(textId) {
        let channel = channels.get(textId);
        if (!channel) {
          channel = new TextChannel(context, textId);
          channels.set(textId, channel);
        }
        channel.hold();
        return channel;
      },
      stats() {
        let viewers = 0;
        for (const channel of channels.values()) viewers += channel.viewerCount();
        return { texts: channels.size, viewers };
      },
    };
    byDb.set(db, fanout);
  }
  return fanout;
}

interface ChannelContext {
  db: Db;
  hub: LiveHub;
  onError: (error: unknown) => void;
  channels: Map<string, TextChannel>;
}

/** One text's live viewers in this process, and the one loop that reads its log for them. */
export class TextChannel {
  /** The last row handed to the live viewers (null until the first viewer joins). */
  cursor: bigint | null = null;
  readonly live = new Set<Viewer<unknown>>();
  private holders = 0;
  private closed = false;
  private readonly wakeups: TextWakeups;
  private kickAbort: AbortController | null = null;
  private kickedAt: number | null = null;
  private retryMs = RETRY_MS;
  /** A delivery under way (a read of the log, or a local commit's events): one at a time. */
  private busy: Promise<void> | null = null;
  private readonly stopLocal: () => void;

  constructor(
    readonly context: ChannelContext,
    readonly textId: string,
  ) {
    this.wakeups = context.hub.watch(textId);
    this.stopLocal = onLocalCommit(context.db, textId, (events) => this.offer(events));
    void this.run();
  }

  hold() {
    this.holders++;
  }

  /** Drops a hold taken by `enter` (the viewer never started, or it closed). */
  release() {
    this.holders--;
    if (this.holders > 0 || this.closed) return;
    this.closed = true;
    this.context.channels.delete(this.textId);
    this.stopLocal();
    this.wakeups.close();
  }

  viewerCount() {
    return this.live.size;
  }

  /** Starts a viewer on the hold taken by `enter`: it catches up, then joins. */
  add<L>(options: ViewerOptions<L>): LiveSubscription {
    const viewer = new Viewer(this, options);
    void viewer.catchUp(options.fresh);
    return viewer;
  }

  /** Makes the loop read the log now, as a notification would. */
  kick() {
    this.kickedAt = performance.now();
    this.kickAbort?.abort();
  }

  /**
   * When the loop was woken, and the newest event the wake-up announced (null: read whatever
   * the cursor, as after a kick, a reconnect or a notification without an event id).
   */
  private async nextWake(): Promise<{ at: number; upTo: bigint | null }> {
    if (this.kickedAt === null) {
      const abort = new AbortController();
      this.kickAbort = abort;
      const wokeAt = await this.wakeups.wait(abort.signal);
      const upTo = this.wakeups.announced ?? null;
      this.kickAbort = null;
      if (this.kickedAt === null) return { at: wokeAt, upTo };
      // Both came: a read that is to see what either announced starts after the later one.
      const kickedAt = this.kickedAt;
      this.kickedAt = null;
      return { at: Math.max(wokeAt, kickedAt), upTo: null };
    }
    const kickedAt = this.kickedAt;
    this.kickedAt = null;
    return { at: kickedAt, upTo: null };
  }

  private async run() {
    while (!this.closed) {
      const { at: wokeAt, upTo } = await this.nextWake();
      // Until a viewer joins there is no cursor to read after; its joining kicks the loop.
      if (this.closed || this.cursor === null) continue;
      // This process's own write, committed but not yet offered (its NOTIFY can come first).
      if (upTo !== null && this.cursor < upTo) {
        await localOffer(this.context.db, this.textId, upTo);
      }
      while (this.busy) await this.busy;
      // The NOTIFY of events this process already delivered at commit (`offer`, perhaps still
      // under way when it came: hence after the waits): nothing to read. The cursor only moves
      // over contiguous rows, so every event up to it is out.
      if (this.closed || (upTo !== null && this.cursor >= upTo)) continue;
      const pass = this.deliverNew(wokeAt);
      const busy = this.during(pass);
      try {
        await pass;
        this.retryMs = RETRY_MS;
      } catch (error) {
        this.context.onError(error);
        await busy;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.kick();
      }
    }
  }

  /** Marks the channel busy until `pass` settles. */
  private during(pass: Promise<void>): Promise<void> {
    const busy = pass.then(
      () => {},
      () => {},
    );
    this.busy = busy;
    void busy.then(() => {
      if (this.busy === busy) this.busy = null;
    });
    return busy;
  }

  /**
   * Events this process just committed: delivered at once when they come right after what the
   * channel delivered and nothing else is under way; otherwise the NOTIFY's read takes them.
   */
  private offer(events: CommittedEvents) {
    if (this.closed || this.busy || this.cursor !== events.previous) return;
    const pass = this.deliverRows(events.rows);
    pass.catch((error: unknown) => this.context.onError(error));
    this.during(pass);
  }

  private async deliverNew(notBefore: number) {
    for (let full = true; full && !this.closed && this.cursor !== null; ) {
      const rows = await logAfter(this.context.db, this.textId, this.cursor, BATCH, notBefore);
      full = rows.length === BATCH;
      if (rows.length === 0) return;
      await this.deliverRows(rows);
    }
  }

  /** Hands rows that come right after the channel's cursor to its live viewers. */
  private async deliverRows(rows: TextEvent[]) {
    const threads = await threadsAfter(this.context.db, rows);
    if (this.closed) return;
    // Delivered from here on, in one step with the choice of viewers (see the top).
    this.cursor = rows.at(-1)!.id;
    const viewers = [...this.live];
    let turnStarted = performance.now();
    for (const viewer of viewers) {
      if (performance.now() - turnStarted > TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        turnStarted = performance.now();
      }
      viewer.takeLive(rows, threads);
    }
  }
}

function threadsAfter(db: Db, rows: TextEvent[]): Promise<(ThreadRow | null)[]> {
  return Promise.all(rows.map((row) => threadAfterEvent(db, row.annotationId, row.id)));
}

type ViewerState = "catching-up" | "live" | "paused" | "closed";

class Viewer<L> implements LiveSubscription {
  private state: ViewerState = "catching-up";
  private cursor: bigint;
  private lens: L;
  private lensAt = Date.now();
  private refreshing = false;
  private again = false;

  constructor(
    private readonly channel: TextChannel,
    private readonly options: ViewerOptions<L>,
  ) {
    this.cursor = options.cursor;
    this.lens = options.lens;
  }

  /**
   * Reads the log after its cursor until it is level with the channel, then joins it.
   * `fresh`: its cursor already saw every row committed since the channel started watching.
   */
  async catchUp(fresh: boolean) {
    const { db } = this.channel.context;
    const startedAt = performance.now();
    try {
      while (this.state === "catching-up") {
        const level = this.channel.cursor;
        if (level === null ? fresh : this.cursor >= level) {
          if (level === null) {
            this.channel.cursor = this.cursor;
            this.channel.kick();
          }
          this.state = "live";
          this.channel.live.add(this);
          return;
        }
        const rows = await logAfter(db, this.options.textId, this.cursor, BATCH, startedAt);
        const threads = await threadsAfter(db, rows);
        if (this.state !== "catching-up") return;
        this.take(rows, threads);
        if (rows.length < BATCH) fresh = true;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** The channel's delivery; ignored unless the viewer is (still) live. */
  takeLive(rows: TextEvent[], threads: (ThreadRow | null)[]) {
    if (this.state === "live") this.take(rows, threads);
  }

  /** Hands the viewer what it may see of these rows (those after its cursor). */
  private take(rows: TextEvent[], threads: (ThreadRow | null)[]) {
    const events: LiveEvent[] = [];
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (row.id <= this.cursor) continue;
      this.cursor = row.id;
      const event = this.options.eventFor(this.lens, row, threads[k]!);
      if (event) events.push(event);
    }
    if (events.length > 0) {
      let more: boolean;
      try {
        more = this.options.sink.deliver(events);
      } catch (error) {
        this.fail(error);
        return;
      }
      if (!more) {
        this.state = "paused";
        this.channel.live.delete(this);
      }
    }
    this.checkLens();
  }

  resume() {
    if (this.state !== "paused") return;
    this.state = "catching-up";
    void this.catchUp(false);
  }

  close() {
    if (this.state === "closed") return;
    this.state = "closed";
    this.channel.live.delete(this);
    this.channel.release();
  }

  private fail(error: unknown) {
    if (this.state === "closed") return;
    this.close();
    this.options.sink.fail(error);
  }

  // Roles and settings change rarely: re-read the viewer's lens now and then, after
  // delivering rather than before, so that a text's viewers do not each query it on the way
  // to an event; and at once when a membership change is announced (`refreshNow`).
  private checkLens() {
    if (Date.now() - this.lensAt > LENS_TTL_MS) this.refresh();
  }

  refreshNow() {
    this.refresh();
  }

  /** One refresh at a time; one asked for meanwhile runs right after (it may see more). */
  private refresh() {
    if (this.state === "closed") return;
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    this.again = false;
    const before = this.lens;
    this.options.refreshLens(before).then(
      (lens) => {
        this.refreshing = false;
        this.lensAt = Date.now();
        if (this.state === "closed") return;
        if (lens === null) {
          // Removed from the course (or the text made private) while watching: the viewer is
          // told, then the stream ends.
          this.tell("access.revoked");
          this.fail(appError("FORBIDDEN", "course.access_revoked"));
          return;
        }
        this.lens = lens;
        if (this.options.changed?.(before, lens)) this.tell("access.changed");
        if (this.again) this.refresh();
      },
      (error: unknown) => {
        this.refreshing = false;
        this.lensAt = Date.now();
        this.channel.context.onError(error);
        if (this.again) this.refresh();
      },
    );
  }

  /** An event about the viewer rather than a thread, at the stream's current position. */
  private tell(type: "access.changed" | "access.revoked") {
    const event: LiveEvent = {
      eventId: this.cursor.toString(),
      type,
      textId: this.options.textId,
      annotationId: "",
      replyId: null,
      thread: null,
    };
    try {
      this.options.sink.deliver([event]);
    } catch (error) {
      this.fail(error);
    }
  }
}
