/**
 * A small EventSource for Node 20 (which has none), as browsers behave where it matters to
 * the tests: when the stream drops it reconnects by itself after `retry` ms, sending the last
 * event id it saw in a `Last-Event-ID` header; `close()` stops it for good.
 */
export class TestEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readonly url: string;
  readonly withCredentials = false;
  readyState = 0;
  /** Reconnection delay; browsers use ~3 s, tests want less. */
  static retryMs = 50;
  private lastEventId = "";
  private abort = new AbortController();
  private readonly headers: Record<string, string>;

  constructor(url: string | URL, init: { headers?: Record<string, string> } = {}) {
    super();
    this.url = String(url);
    this.headers = init.headers ?? {};
    void this.connect();
  }

  close(): void {
    this.readyState = this.CLOSED;
    this.abort.abort();
  }

  private async connect(): Promise<void> {
    this.abort = new AbortController();
    try {
      const headers: Record<string, string> = { ...this.headers, accept: "text/event-stream" };
      if (this.lastEventId) headers["last-event-id"] = this.lastEventId;
      const response = await fetch(this.url, { headers, signal: this.abort.signal });
      if (!response.ok || !response.body) {
        // As the spec says: a failed response closes the source for good.
        this.readyState = this.CLOSED;
        this.dispatchEvent(new Event("error"));
        return;
      }
      this.readyState = this.OPEN;
      this.dispatchEvent(new Event("open"));
      await this.read(response.body);
    } catch {
      // A cut connection: reconnect below, unless closed.
    }
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CONNECTING;
    this.dispatchEvent(new Event("error"));
    setTimeout(() => {
      if (this.readyState !== this.CLOSED) void this.connect();
    }, TestEventSource.retryMs);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    let data: string[] = [];
    let type = "";
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "") {
          if (data.length > 0 && this.readyState !== this.CLOSED) {
            const event = new MessageEvent(type || "message", {
              data: data.join("\n"),
              lastEventId: this.lastEventId,
            });
            this.dispatchEvent(event);
          }
          data = [];
          type = "";
          continue;
        }
        const colon = line.indexOf(":");
        if (colon === 0) continue; // a comment
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") data.push(value);
        else if (field === "event") type = value;
        else if (field === "id" && !value.includes("\0")) this.lastEventId = value;
      }
    }
  }
}
