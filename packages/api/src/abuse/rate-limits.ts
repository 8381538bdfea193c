// Counting writes against their budgets, with rate-limiter-flexible: in Redis when the
// deployment has one (every instance shares the counts), else in this process's memory (the
// single-machine default).
import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { type BudgetName, rateBudgets } from "./budgets";

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimits {
  readonly store: "memory" | "redis";
  /** Resolves once the store answers (at once in memory); writes before then count in memory. */
  ready(): Promise<void>;
  /** Spends one point of `budget` for `key`; refused once the window's points are spent. */
  consume(budget: BudgetName, key: string): Promise<Verdict>;
  /** Whether `key` has points of `budget` left, without spending one. */
  check(budget: BudgetName, key: string): Promise<Verdict>;
  /** Forgets what `key` spent of `budget` (a successful sign-in clears its failures). */
  reset(budget: BudgetName, key: string): Promise<void>;
  close(): Promise<void>;
}

export interface RateLimitsOptions {
  /** redis:// or rediss:// URL; without one, counts are kept in memory. */
  redisUrl?: string | null;
  /** Prepended to every key (tests share one Redis). */
  keyPrefix?: string;
  /** Told when Redis fails; counting then goes on in memory until it is back. */
  onStoreError?: (error: Error) => void;
}

const retryAfter = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

export function createRateLimits(options: RateLimitsOptions = {}): RateLimits {
  const prefix = `${options.keyPrefix ?? "hashiya"}:rl`;
  // No offline queue: a write never waits on a Redis that is not there; it is counted by the
  // in-memory insurance limiter instead.
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  // Without a listener, ioredis's "error" events would crash the process.
  redis?.on("error", (error: Error) => options.onStoreError?.(error));

  const limiters = new Map<BudgetName, RateLimiterAbstract>();
  for (const [name, budget] of Object.entries(rateBudgets) as [
    BudgetName,
    (typeof rateBudgets)[BudgetName],
  ][]) {
    const base = {
      points: budget.points,
      duration: budget.durationSeconds,
      keyPrefix: `${prefix}:${name}`,
    };
    const memory = new RateLimiterMemory(base);
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: memory })
        : memory,
    );
  }
  const limiter = (budget: BudgetName) => limiters.get(budget)!;

  return {
    store: redis ? "redis" : "memory",
    async ready() {
      if (!redis || redis.status === "ready") return;
      await new Promise<void>((resolve, reject) => {
        redis.once("ready", resolve);
        redis.once("end", () => reject(new Error("Redis closed before it was ready")));
      });
    },
    async consume(budget, key) {
      try {
        await limiter(budget).consume(key);
        return { allowed: true };
      } catch (refusal) {
        // rate-limiter-flexible rejects with a RateLimiterRes when the points are spent.
        if (refusal instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: retryAfter(refusal.msBeforeNext) };
        }
        throw refusal;
      }
    },
    async check(budget, key) {
      const spent = await limiter(budget).get(key);
      if (spent && spent.consumedPoints >= rateBudgets[budget].points) {
        return { allowed: false, retryAfterSeconds: retryAfter(spent.msBeforeNext) };
      }
      return { allowed: true };
    },
    async reset(budget, key) {
      await limiter(budget).delete(key);
    },
    async close() {
      if (redis && redis.status !== "end") await redis.quit().catch(() => redis.disconnect());
    },
  };
}
