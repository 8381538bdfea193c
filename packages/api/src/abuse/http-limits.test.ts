// The limits as an HTTP client meets them, through tRPC's fetch adapter set up as the web
// app's route handler: 413 for an oversized body, 429 with Retry-After for a spent budget,
// each with the sentence in both languages.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessages } from "../errors";
import { createLiveHub, type LiveHub } from "../live/hub";
import { startTrpcServer, TEST_USER_HEADER, type TestTrpcServer } from "../testing/http-server";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { uniqueKeyPrefix } from "../testing/redis";
import { rateBudgets } from "./budgets";
import { createRateLimits, type RateLimits } from "./rate-limits";
import { MAX_REQUEST_BYTES, maxBodyBytesFor, trpcPathsOf } from "./request-body";

let testDb: TestDatabase;
let hub: LiveHub;
let world: CourseWorld;
let limits: RateLimits;
let server: TestTrpcServer;

beforeAll(async () => {
  testDb = await createTestDatabase("api_http_limits");
  hub = createLiveHub(testDb.url);
  world = await buildCourseWorld(testDb.db);
  limits = createRateLimits({ keyPrefix: uniqueKeyPrefix("http") });
  const users = ["student", "moderator"].map((persona) => world.users.get(persona as never)!);
  server = await startTrpcServer({
    db: testDb.db,
    live: hub,
    users: new Map(users.map((user) => [user.id, user])),
    rateLimits: limits,
  });
});
afterAll(async () => {
  await server.close();
  await hub.close();
  await limits.close();
  await testDb.drop();
});

interface ErrorBody {
  error: {
    code: number;
    data: {
      appCode: string;
      messages: { en: string; ar: string };
      retryAfterSeconds: number | null;
      httpStatus: number;
    };
  };
}

async function post(
  path: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const text = await response.text();
  const parsed = JSON.parse(text) as { error?: { json: unknown } };
  const error = parsed.error ? { error: superjson.deserialize(parsed.error as never) } : parsed;
  return { response, body: error as ErrorBody };
}

const json = (input: unknown) => JSON.stringify(superjson.serialize(input));

describe("request size", () => {
  const oversized = () =>
    json({ name: "x".repeat(MAX_REQUEST_BYTES), email: "big@example.com", password: "p" });

  it("refuses a body declared larger than 256 kB with 413 and the sentence", async () => {
    const { response, body } = await post("auth.signUp", oversized());
    expect(response.status).toBe(413);
    expect(body.error.data.appCode).toBe("request.too_large");
    expect(body.error.data.messages).toEqual(errorMessages["request.too_large"]);
    expect(await testDb.db.user.count({ where: { email: "big@example.com" } })).toBe(0);
  });

  it("refuses a streamed body once it passes 256 kB, whatever it declared", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Past the cap, with no Content-Length: the server stops parsing at the cap.
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const { response, body } = await post("me.setLocale", stream, {
      [TEST_USER_HEADER]: world.users.get("student")!.id,
    });
    expect(response.status).toBe(413);
    expect(body.error.data.appCode).toBe("request.too_large");
  });

  it("reads a body under the cap and validates it as usual", async () => {
    const input = { name: "x".repeat(100_000), email: "long@example.com", password: "p" };
    const { response, body } = await post("auth.signUp", json(input));
    expect(response.status).toBe(400);
    expect(body.error.data.appCode).toBe("display_name.invalid");
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After and the sentence once a budget is spent", async () => {
    const attempt = () =>
      post("auth.signUp", json({ name: "سلمى", email: "again@example.com", password: "short" }));
    for (let k = 0; k < rateBudgets.signUpPerEmail.points; k++) {
      expect((await attempt()).response.status).toBe(400);
    }
    const { response, body } = await attempt();
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(rateBudgets.signUpPerEmail.durationSeconds);
    expect(body.error.data).toMatchObject({
      appCode: "rate_limit.sign_up",
      messages: errorMessages["rate_limit.sign_up"],
      retryAfterSeconds: retryAfter,
    });
  });

  it("counts a signed-in user's writes per user", async () => {
    const as = { [TEST_USER_HEADER]: world.users.get("moderator")!.id };
    const setLocale = () => post("me.setLocale", json({ locale: "en" }), as);
    for (let k = 0; k < rateBudgets.write.points; k++) {
      expect((await setLocale()).response.status).toBe(200);
    }
    const { response, body } = await setLocale();
    expect(response.status).toBe(429);
    expect(body.error.data.appCode).toBe("rate_limit.writes");
    // An anonymous caller is a different key (and gets its own refusal: sign in first).
    expect((await post("me.setLocale", json({ locale: "en" }))).response.status).toBe(401);
  });
});

describe("body caps per procedure", () => {
  it("gives whole-text imports a larger cap than every other call", async () => {
    expect(
      trpcPathsOf("http://h/api/trpc/annotation.create,reply.create?batch=1", "/api/trpc"),
    ).toEqual(["annotation.create", "reply.create"]);
    expect(maxBodyBytesFor(["annotation.create", "reply.create"])).toBe(MAX_REQUEST_BYTES);
    expect(maxBodyBytesFor(["text.create"])).toBeGreaterThan(4 * 2 * 1024 * 1024);
    expect(maxBodyBytesFor(["me.setLocale", "text.create"])).toBe(maxBodyBytesFor(["text.create"]));
  });
});
