import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import type { Db } from "@hashiya/db";
import type { RateLimits } from "../abuse/rate-limits";
import { webHeaders } from "../node-headers";
import { annotationProtocolResponse } from "../protocol";
import type { SessionUser } from "../trpc";
import { callerFor } from "./factories";
import { TEST_USER_HEADER } from "./http-server";

export interface TestProtocolServer {
  /** The server's origin: the IRIs' base, so that every IRI it serves resolves to it. */
  origin: string;
  close(): Promise<void>;
}

const ROUTE = /^\/texts\/([^/]+)\/annotations\/([^/]*)$/;

/**
 * The protocol over real HTTP on port 0, routed as the web app's route handlers route it
 * (`/texts/T/annotations/` and `/texts/T/annotations/A`); `x-test-user` stands for the browser
 * session, `Authorization: Bearer` is read by the protocol itself.
 */
export async function startProtocolServer(options: {
  db: Db;
  users: Map<string, SessionUser>;
  pageSize?: number;
  /** Write budgets to enforce, as the web app does (none by default). */
  rateLimits?: RateLimits;
}): Promise<TestProtocolServer> {
  const sockets = new Set<Socket>();
  let origin = "";
  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      console.error(error);
      res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const route = ROUTE.exec(url.pathname);
    if (!route) return void res.writeHead(404).end();
    const headers = webHeaders(req.headers);
    const hasBody = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: "half",
    } as RequestInit);
    const userId = req.headers[TEST_USER_HEADER];
    const [, textId = "", annotationId = ""] = route;
    const response = await annotationProtocolResponse(
      request,
      {
        textId: decodeURIComponent(textId),
        ...(annotationId ? { annotationId: decodeURIComponent(annotationId) } : {}),
      },
      {
        db: options.db,
        baseUrl: origin,
        sessionUser: typeof userId === "string" ? (options.users.get(userId) ?? null) : null,
        proceduresFor: (user) =>
          callerFor(options.db, user, {
            ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
            clientAddress: req.socket.remoteAddress ?? "127.0.0.1",
          }),
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    for await (const chunk of response.body) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
