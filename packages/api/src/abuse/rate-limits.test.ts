// Both stores of the write budgets: this process's memory and a real Redis (TEST_REDIS_URL,
// else 127.0.0.1:6379). A Redis that does not answer fails these tests rather than skipping.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_REDIS_URL, uniqueKeyPrefix } from "../testing/redis";
import { rateBudgets } from "./budgets";
import { createRateLimits, type RateLimits } from "./rate-limits";

const opened: RateLimits[] = [];
afterAll(async () => {
  await Promise.all(opened.map((limits) => limits.close()));
});

beforeAll(async () => {
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await probe.connect();
    expect(await probe.ping()).toBe("PONG");
  } catch (error) {
    throw new Error(`These tests need Redis at ${TEST_REDIS_URL} (set TEST_REDIS_URL): ${error}`);
  } finally {
    probe.disconnect();
  }
});

async function open(store: "memory" | "redis", keyPrefix: string) {
  const limits = createRateLimits({
    redisUrl: store === "redis" ? TEST_REDIS_URL : null,
    keyPrefix,
    onStoreError: (error) => {
      throw error;
    },
  });
  opened.push(limits);
  await limits.ready();
  return limits;
}

/** The keys a store wrote in Redis under this prefix. */
async function redisKeys(keyPrefix: string): Promise<string[]> {
  const probe = new Redis(TEST_REDIS_URL);
  try {
    return await probe.keys(`${keyPrefix}:*`);
  } finally {
    probe.disconnect();
  }
}

describe.each(["memory", "redis"] as const)("in %s", (store) => {
  let limits: RateLimits;
  const keyPrefix = uniqueKeyPrefix(store);
  beforeAll(async () => {
    limits = await open(store, keyPrefix);
    expect(limits.store).toBe(store);
  });
  afterAll(async () => {
    // The counts live where the store says, and only there.
    const keys = await redisKeys(keyPrefix);
    expect(keys.length > 0).toBe(store === "redis");
  });

  it("allows a budget's points in its window, then refuses with the wait", async () => {
    const { points, durationSeconds } = rateBudgets.comment;
    for (let k = 0; k < points; k++) {
      expect(await limits.consume("comment", "user:a")).toEqual({ allowed: true });
    }
    const refused = await limits.consume("comment", "user:a");
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(durationSeconds);
  });

  it("counts each key and each budget on its own", async () => {
    const { points } = rateBudgets.comment;
    for (let k = 0; k < points; k++) await limits.consume("comment", "user:b");
    expect((await limits.consume("comment", "user:b")).allowed).toBe(false);
    expect((await limits.consume("comment", "user:c")).allowed).toBe(true);
    expect((await limits.consume("reaction", "user:b")).allowed).toBe(true);
  });

  it("checks without spending and forgets a key on reset", async () => {
    const { points } = rateBudgets.signInFailures;
    for (let k = 0; k < points - 1; k++) await limits.consume("signInFailures", "who");
    expect(await limits.check("signInFailures", "who")).toEqual({ allowed: true });
    expect(await limits.check("signInFailures", "who")).toEqual({ allowed: true });
    await limits.consume("signInFailures", "who");
    expect((await limits.check("signInFailures", "who")).allowed).toBe(false);
    await limits.reset("signInFailures", "who");
    expect(await limits.check("signInFailures", "who")).toEqual({ allowed: true });
  });
});

describe("several web processes", () => {
  it("share their counts through Redis, and not through memory", async () => {
    const { points } = rateBudgets.comment;
    const redisPrefix = uniqueKeyPrefix("shared");
    const [first, second] = [await open("redis", redisPrefix), await open("redis", redisPrefix)];
    const memoryPrefix = uniqueKeyPrefix("apart");
    const [alone, other] = [await open("memory", memoryPrefix), await open("memory", memoryPrefix)];
    for (let k = 0; k < points; k++) {
      await (k % 2 ? first : second).consume("comment", "user:d");
      await (k % 2 ? alone : other).consume("comment", "user:d");
    }
    expect((await first.consume("comment", "user:d")).allowed).toBe(false);
    expect((await second.consume("comment", "user:d")).allowed).toBe(false);
    expect((await alone.consume("comment", "user:d")).allowed).toBe(true);
  });

  it("keep counting in memory while Redis does not answer", async () => {
    // A port where nothing listens: every Redis call fails, the insurance limiter counts.
    const limits = createRateLimits({
      redisUrl: "redis://127.0.0.1:1",
      keyPrefix: uniqueKeyPrefix("down"),
      onStoreError: () => {},
    });
    opened.push(limits);
    const { points } = rateBudgets.comment;
    for (let k = 0; k < points; k++) {
      expect((await limits.consume("comment", "user:e")).allowed).toBe(true);
    }
    expect((await limits.consume("comment", "user:e")).allowed).toBe(false);
  });
});
