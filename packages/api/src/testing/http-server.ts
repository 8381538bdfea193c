import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import type { Db } from "@hashiya/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { RateLimits } from "../abuse/rate-limits";
import { limitRequestBody, maxBodyBytesFor, trpcPathsOf } from "../abuse/request-body";
import { retryAfterMeta } from "../abuse/retry-after";
import type { LiveHub } from "../live/hub";
import { serveLiveSubscription } from "../live/sse-node";
import { webHeaders } from "../node-headers";
import { appRouter } from "../root";
import { createTRPCContext, type SessionUser } from "../trpc";
import { TEST_AUTH_SECRET, TEST_COLLAB_URL } from "./factories";

/** The header with which test clients say who they are (the web app uses its session). */
export const TEST_USER_HEADER = "x-test-user";

export interface TestTrpcServer {
  url: string;
  /** Requests received, with their Last-Event-ID header, in order. */
  requests: { path: string; lastEventId: string | null }[];
  /** How many requests the fast SSE path answered (the rest went to tRPC). */
  readonly fastPathServed: number;
  /** Destroys every open connection, as a network cut or a proxy restart would. */
  cutConnections(): void;
  close(): Promise<void>;
}

/**
 * The API over real HTTP on port 0, through tRPC's fetch adapter (the one Next.js route
 * handlers use), so that SSE subscriptions run as in production.
 */
export async function startTrpcServer(options: {
  db: Db;
  live: LiveHub;
  users: Map<string, SessionUser>;
  /** Serve `live.onTextEvent` through the web app's fast SSE path first (`/api/live`). */
  liveFastPath?: boolean;
  /** Write budgets to enforce, as the web app does (none by default). */
  rateLimits?: RateLimits;
}): Promise<TestTrpcServer> {
  const sockets = new Set<Socket>();
  const requests: TestTrpcServer["requests"] = [];
  let fastPathServed = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const lastEventId = req.headers["last-event-id"];
    requests.push({
      path: url.pathname,
      lastEventId: typeof lastEventId === "string" ? lastEventId : null,
    });
    const headers = webHeaders(req.headers);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      signal: abort.signal,
      // Node's fetch needs it for a streamed body.
      duplex: "half",
    } as RequestInit);
    const userId = req.headers[TEST_USER_HEADER];
    // The web app's route handler does the same: body cap, Retry-After on rate limits.
    const ctx = () =>
      createTRPCContext({
        db: options.db,
        session: {
          user: typeof userId === "string" ? (options.users.get(userId) ?? null) : null,
        },
        authSecret: TEST_AUTH_SECRET,
        collabUrl: TEST_COLLAB_URL,
        live: options.live,
        rateLimits: options.rateLimits ?? null,
        clientAddress: req.socket.remoteAddress ?? null,
      });
    if (
      options.liveFastPath &&
      (await serveLiveSubscription(req, res, { endpoint: "/trpc", ctx: ctx() }))
    ) {
      fastPathServed++;
      return;
    }
    const response = await fetchRequestHandler({
      endpoint: "/trpc",
      req: limitRequestBody(request, maxBodyBytesFor(trpcPathsOf(request.url, "/trpc"))),
      router: appRouter,
      responseMeta: retryAfterMeta,
      createContext: ctx,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    for await (const chunk of response.body) {
      if (abort.signal.aborted) break;
      res.write(chunk);
    }
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/trpc`,
    requests,
    get fastPathServed() {
      return fastPathServed;
    },
    cutConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
